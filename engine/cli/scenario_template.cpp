#include "scenario_template.hpp"

#include <nlohmann/json.hpp>

#include "core/lint.hpp"

namespace trustdaily::cli {

using Json = nlohmann::ordered_json;

std::string scenarioTemplate(const TemplateParams& p, const core::Framework& fw) {
  const core::FrameworkEntry* partner = fw.partner(p.partner);
  std::string group = partner ? partner->name : p.partner;
  Json j;
  if (!p.schemaRef.empty()) j["$schema"] = p.schemaRef;
  j["format"] = 1;
  j["id"] = p.id;
  const std::string replace(core::kPlaceholderPrefix);  // lint L011 finds what is left
  j["title"] = std::string(core::kPlaceholderTitlePrefix) + p.id;
  j["summary"] = replace +
                 " the setup shown on the scenario card, in two sentences: who you are, whom "
                 "you need, and what is at stake.";
  j["partners"] = Json::array({p.partner});
  j["situation"] = p.situation;
  j["difficulty"] = 1;
  j["minutes"] = 5;
  j["author"] = std::string(core::kPlaceholderAuthor);
  j["version"] = "0.1";
  j["cast"] = {
      {"alex", {{"name", "Alex Morgan"}, {"role", group + " lead"}, {"partner", p.partner}}}};
  j["start"] = "intro";

  Json nodes;
  nodes["intro"] = {
      {"speaker", "narrator"},
      {"text", replace +
                   " the opening: the day, your role, what just happened. Keep it under 900 "
                   "characters; a beat like this one has a single choice and needs no score."},
      {"choices", Json::array({{{"text", "Continue"}, {"next", "ask"}}})}};

  nodes["ask"] = {
      {"speaker", "alex"},
      {"text", replace + " what Alex says that forces a decision. A decision offers two to six "
                         "choices; give each one a score against the principles it touches."},
      {"choices",
       Json::array(
           {{{"text", "Ask Alex what is driving the concern before proposing anything"},
             {"next", "plan"},
             {"score", {{"context", 2}, {"influence", 1}}},
             {"trust", {{p.partner, 10}}},
             {"feedback",
              "Alex explains the real constraint, and the plan you make next fits it. Asking "
              "about the concern first is context beats instruction: the expert decides how."},
             {"behaviours", Json::array({"learn-the-craft"})},
             {"sets", Json::array({"asked_alex"})}},
            {{"text", "Tell Alex the date is fixed and the plan has to fit it"},
             {"next", "plan"},
             {"score", {{"context", -2}}},
             {"trust", {{p.partner, -10}}},
             {"feedback",
              "Alex goes quiet and starts padding the plan. A fixed date with no reason recruits "
              "no one: context beats instruction."}},
            {{"text", "Escalate to Alex's manager to get a faster answer"},
             {"next", "escalated"},
             {"score", {{"influence", -3}}},
             {"trust", {{p.partner, -20}}},
             {"feedback",
              "The manager overrules Alex, and Alex stops bringing you problems early. Going "
              "over someone's head borrows authority instead of earning influence."}}})}};

  nodes["plan"] = {
      {"speaker", "alex"},
      {"text",
       replace +
           " the next moment. The first choice below is offered only when the flag "
           "'asked_alex' is set and trust is at least 55: conditions let earlier choices matter."},
      {"choices",
       Json::array(
           {{{"text", "Share the whole plan with its risks and agree the next step together"},
             {"next", "agreed"},
             {"requires",
              {{"flags", Json::array({"asked_alex"})}, {"trust_min", {{p.partner, 55}}}}},
             {"score", {{"transparency", 2}}},
             {"trust", {{p.partner, 5}}},
             {"feedback",
              "Alex adds the risk you missed and the plan holds. Sharing the risks in the open "
              "is transparency beats politics."},
             {"behaviours", Json::array({"surface-bad-news"})}},
            {{"text", "Share the plan but keep the risks to yourself for now"},
             {"next", "partial"},
             {"score", {{"transparency", -1}}},
             {"trust", {{p.partner, -5}}},
             {"feedback",
              "The risks surface a week later and Alex learns you knew. Keeping the risks "
              "back is politics, and transparency beats politics."}}})}};

  nodes["agreed"] = {{"ending", "success"},
                     {"text", replace + " how it turns out when the player does well."},
                     {"lesson", replace + " the one takeaway the player should keep."}};
  nodes["partial"] = {{"ending", "mixed"},
                      {"text", replace + " a half-good outcome: something works, something costs."},
                      {"lesson", replace + " what would have made it a success."}};
  nodes["escalated"] = {{"ending", "failure"},
                        {"text", replace + " how it goes wrong, and who pays for it."},
                        {"lesson", replace + " what the player should do differently."}};
  j["nodes"] = std::move(nodes);
  return j.dump(2) + "\n";
}

}  // namespace trustdaily::cli
