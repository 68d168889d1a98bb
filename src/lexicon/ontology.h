// The fixed vocabularies of the output contract: ACLED sub-event types, PLOVER types, actor kinds.
// These are codebook facts (spec/ONTOLOGIES.md), so they live in code; everything that maps words onto them
// lives in data/lexicon/.
#pragma once

#include <cstdint>
#include <string_view>

namespace sitrep::lexicon {

enum class AcledSub : uint8_t {
  kNone = 0,
  kArmedClash, kGovernmentRegainsTerritory, kNonStateOvertakesTerritory,
  kChemicalWeapon, kAirDroneStrike, kSuicideBomb, kShelling, kRemoteExplosive, kGrenade,
  kSexualViolence, kAttack, kAbduction,
  kPeacefulProtest, kProtestWithIntervention, kExcessiveForce,
  kViolentDemonstration, kMobViolence,
  kAgreement, kArrests, kChangeToGroup, kDisruptedWeapons, kHeadquarters, kLooting, kNonViolentTransfer, kOther,
  kCount
};

enum class Plover : uint8_t {
  kNone = 0,
  kAgree, kConsult, kSupport, kConcede, kCooperate, kAid, kRetreat,
  kRequest, kAccuse, kReject, kThreaten, kProtest, kSanction, kMobilize, kCoerce, kAssault,
  kCount
};

enum class ActorKind : uint8_t {
  kUnknown = 0, kStateForces, kRebelGroup, kMilitia, kCivilians, kGovernment, kInternational, kProtesters, kOther,
  kCount
};

std::string_view AcledSubName(AcledSub s);      // "Armed clash", or "" for kNone
std::string_view AcledTypeName(AcledSub s);     // "Battles", or "" for kNone
std::string_view PloverName(Plover p);          // "ASSAULT", or ""
std::string_view ActorKindName(ActorKind k);    // "state_forces", or "" for kUnknown
bool ParseAcledSub(std::string_view name, AcledSub* out);
bool ParsePlover(std::string_view name, Plover* out);
bool ParseActorKind(std::string_view name, ActorKind* out);

// Armed actors fight; the others are targets or bystanders.
inline bool IsArmed(ActorKind k) {
  return k == ActorKind::kStateForces || k == ActorKind::kRebelGroup || k == ActorKind::kMilitia ||
         k == ActorKind::kInternational;
}
inline bool IsStateSide(ActorKind k) { return k == ActorKind::kStateForces || k == ActorKind::kGovernment; }

}  // namespace sitrep::lexicon
