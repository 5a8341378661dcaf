// The small gazetteer most CLI tests use: accents, a line-broken name, a case-sensitive
// acronym, nested names for the policies, and one name shared by two entities.
#pragma once

namespace onoma::cli_test {

inline constexpr const char kTestGazetteer[] =
    R"({"id": "montreal", "label": "GPE", "name": "Montréal"}
{"id": "melanie-joly", "label": "PERSON", "name": "Mélanie Joly", "aliases": ["Joly"]}
{"id": "usa", "label": "GPE", "name": "United States", "aliases": ["US"]}
{"id": "new-york", "label": "GPE", "name": "New York"}
{"id": "new-york-city", "label": "GPE", "name": "New York City"}
{"id": "york", "label": "GPE", "name": "York"}
{"id": "georgia-country", "label": "GPE", "name": "Georgia"}
{"id": "georgia-state", "label": "GPE", "name": "Georgia"}
{"id": "un", "label": "ORG", "name": "United Nations", "aliases": ["UN"]}
)";

// What onoma info must count in it.
inline constexpr int kTestEntities = 9;
inline constexpr int kTestAliases = 12;

}  // namespace onoma::cli_test
