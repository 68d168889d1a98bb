#include "lexicon/ontology.h"

#include <array>

namespace sitrep::lexicon {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(AcledSub::kCount)> kSubNames = {
    "",
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
    "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED", "Grenade",
    "Sexual violence", "Attack", "Abduction/forced disappearance",
    "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
    "Violent demonstration", "Mob violence",
    "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
    "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory",
    "Other"};

constexpr std::array<std::string_view, static_cast<size_t>(Plover::kCount)> kPloverNames = {
    "", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"};

constexpr std::array<std::string_view, static_cast<size_t>(ActorKind::kCount)> kKindNames = {
    "", "state_forces", "rebel_group", "militia", "civilians", "government", "international", "protesters",
    "other"};

}  // namespace

std::string_view AcledSubName(AcledSub s) { return kSubNames[static_cast<size_t>(s)]; }

std::string_view AcledTypeName(AcledSub s) {
  using S = AcledSub;
  switch (s) {
    case S::kNone: case S::kCount: return "";
    case S::kArmedClash: case S::kGovernmentRegainsTerritory: case S::kNonStateOvertakesTerritory:
      return "Battles";
    case S::kChemicalWeapon: case S::kAirDroneStrike: case S::kSuicideBomb: case S::kShelling:
    case S::kRemoteExplosive: case S::kGrenade:
      return "Explosions/Remote violence";
    case S::kSexualViolence: case S::kAttack: case S::kAbduction:
      return "Violence against civilians";
    case S::kPeacefulProtest: case S::kProtestWithIntervention: case S::kExcessiveForce:
      return "Protests";
    case S::kViolentDemonstration: case S::kMobViolence:
      return "Riots";
    default:
      return "Strategic developments";
  }
}

std::string_view PloverName(Plover p) { return kPloverNames[static_cast<size_t>(p)]; }
std::string_view ActorKindName(ActorKind k) { return kKindNames[static_cast<size_t>(k)]; }

bool ParseAcledSub(std::string_view name, AcledSub* out) {
  for (size_t i = 1; i < kSubNames.size(); ++i) {
    if (kSubNames[i] == name) {
      *out = static_cast<AcledSub>(i);
      return true;
    }
  }
  return false;
}

bool ParsePlover(std::string_view name, Plover* out) {
  for (size_t i = 1; i < kPloverNames.size(); ++i) {
    if (kPloverNames[i] == name) {
      *out = static_cast<Plover>(i);
      return true;
    }
  }
  return false;
}

bool ParseActorKind(std::string_view name, ActorKind* out) {
  for (size_t i = 1; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == name) {
      *out = static_cast<ActorKind>(i);
      return true;
    }
  }
  return false;
}

}  // namespace sitrep::lexicon
