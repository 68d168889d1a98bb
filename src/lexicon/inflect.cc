#include "lexicon/inflect.h"

namespace sitrep::lexicon {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Plural(std::string_view w) {
  std::string s(w);
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") || EndsWith(w, "sh")) {
    return s + "es";
  }
  if (w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) return s.substr(0, s.size() - 1) + "ies";
  return s + "s";
}

}  // namespace

std::vector<std::string> InflectWord(std::string_view word, bool verb) {
  std::vector<std::string> forms;
  forms.emplace_back(word);
  forms.push_back(Plural(word));
  if (!verb || word.empty()) return forms;
  std::string w(word);
  const bool ends_e = w.back() == 'e';
  const bool cons_y = w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2]);
  if (ends_e) {
    forms.push_back(w + "d");
    forms.push_back(w.substr(0, w.size() - 1) + "ing");
  } else if (cons_y) {
    forms.push_back(w.substr(0, w.size() - 1) + "ied");
    forms.push_back(w + "ing");
  } else {
    forms.push_back(w + "ed");
    forms.push_back(w + "ing");
  }
  return forms;
}

std::vector<std::string> ExpandPhrase(std::string_view phrase, bool verb) {
  // Most phrases (names) have no inflected word and single spaces: the loop below would return them unchanged.
  if (phrase.find('+') == std::string_view::npos && phrase.find("  ") == std::string_view::npos &&
      (phrase.empty() || (phrase.front() != ' ' && phrase.back() != ' '))) {
    return {std::string(phrase)};
  }
  std::vector<std::string> results{""};
  size_t pos = 0;
  while (pos < phrase.size()) {
    size_t space = phrase.find(' ', pos);
    if (space == std::string_view::npos) space = phrase.size();
    std::string_view word = phrase.substr(pos, space - pos);
    pos = space + 1;
    if (word.empty()) continue;
    std::vector<std::string> forms;
    if (word.back() == '+' && word.size() > 1) {
      forms = InflectWord(word.substr(0, word.size() - 1), verb);
    } else {
      forms.emplace_back(word);
    }
    std::vector<std::string> next;
    next.reserve(results.size() * forms.size());
    for (const auto& r : results) {
      for (const auto& f : forms) next.push_back(r.empty() ? f : r + " " + f);
    }
    results.swap(next);
  }
  return results;
}

}  // namespace sitrep::lexicon
