package dev.failforward.core.hypothesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real-sounding hypotheses from product, ops, sales, HR, finance and hospital teams, good and bad. Each row states
 * whether the text is acceptable and the exact finding codes in finding order (errors first, then warnings by
 * position). A literal {@code \n} in the text stands for a line break.
 */
class HypothesisExamplesTest {

    private final HypothesisLinter linter = new HypothesisLinter();

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # ---- product
            If we add a pre-deploy checklist, then deploy failures drop below 2 per month because most failures come from skipped steps | true  |
            If we add a checklist, then deploy failures drop below 2 per month                                                   | true  | MISSING_RATIONALE
            We believe that onboarding calls will result in 15% fewer churned trials in Q3                                       | true  | MISSING_RATIONALE
            IF WE OFFER ANNUAL BILLING, THEN ANNUAL PLAN SHARE RISES TO 40%.                                                     | true  | MISSING_RATIONALE
            If we cut the sign-up form to three fields, then sign-ups double because every extra field loses users               | true  |
            If we show prices in local currency, conversion from the pricing page rises from 2.1% to 2.6% since visitors abroad drop off at the currency switch | true |
            We believe that if we A/B test pricing, revenue per visitor grows 10% by end of Q4                                   | true  | MISSING_RATIONALE
            If we change the onboarding emails, then hopefully more users will activate                                          | true  | MISSING_RATIONALE VAGUE_WORDING
            If we redesign the page, then things will get better                                                                 | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING
            We believe better docs will help customers                                                                           | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING
            Let's try the new pricing                                                                                            | false | FORM_UNRECOGNISED
            Our hypothesis is that faster reviews help                                                                           | false | FORM_UNRECOGNISED
            # ---- software and ops
            If the build cache is warm, then p95 build time is under 6 minutes, because cold caches cause 80% of slow builds.   | true  |
            If we adopt trunk-based development then lead time for changes falls from 3 days to 1 day because merges stop queuing | true |
            If we triage and then fix, then MTTR falls below 4 hours                                                             | true  | MISSING_RATIONALE
            We believe that a shared on-call calendar will lead to fewer missed pages per week. We think this because most misses were calendar mix-ups. | true |
            When we run game days every sprint, then incidents caused by failover bugs fall by half within two quarters          | true  | MISSING_RATIONALE
            If we add a "definition of ready" to every story, then sprint carry-over stays under 10%, because unclear stories cause most of it | true |
            If we add more monitoring, things will somehow be more stable                                                        | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING
            If we stop the Friday deploys, we'll be good                                                                         | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING
            If , then conversion rises 5%                                                                                        | false | MISSING_CONDITION MISSING_RATIONALE
            If x, then errors fall 10%                                                                                           | false | MISSING_CONDITION MISSING_RATIONALE
            If we pair on code reviews, then                                                                                     | false | MISSING_OUTCOME MISSING_RATIONALE
            If we add a checklist failures drop                                                                                  | false | MISSING_OUTCOME MISSING_RATIONALE
            # ---- sales and support
            When support replies within 1 hour, CSAT rises above 4.5                                                             | true  | MISSING_RATIONALE
            If a sales rep follows up within 24 hours, then the win rate rises above 30%, because leads go cold after a day      | true  |
            We believe that offering a 30-day pilot will increase closed deals by 20% this quarter, as shown by the 2024 pilot cohort | true |
            If we give the team a sales playbook, then deals will probably close faster etc.                                     | true  | MISSING_RATIONALE VAGUE_WORDING VAGUE_WORDING
            If we switch the phone menu to callbacks, then abandoned calls fall from 18% to under 8% within 6 weeks. Because callers hang up after 3 minutes. | true |
            When a deal stalls for 14 days, the account manager calls the customer.                                              | false | NOT_MEASURABLE MISSING_RATIONALE
            If we add an FAQ, support load will maybe go down, etc.                                                              | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING VAGUE_WORDING
            # ---- people and HR
            If we post salary bands, then applications from women rise by 25% in two quarters since candidates self-select out without them | true |
            If we offer a referral bonus of 500 EUR, then referral hires double by Q3, because our best hires came via referrals | true  |
            We believe that if managers hold weekly 1:1s, attrition will drop to 8% per year                                     | true  | MISSING_RATIONALE
            We think that pairing juniors with seniors would reduce onboarding time by half, as shown by the Q1 pilot           | true  |
            When new hires get a buddy, then 90-day attrition falls below 10%                                                    | true  | MISSING_RATIONALE
            If we train every line manager in interviewing, hires that leave within 6 months fall by 40%                         | true  | MISSING_RATIONALE
            If we run blameless retros, then people will be more open                                                            | false | NOT_MEASURABLE MISSING_RATIONALE
            If we introduce synergy workshops, then collaboration becomes seamless                                               | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING VAGUE_WORDING
            If we hire two more agents then the customers are happier within 30 days                                             | false | NOT_MEASURABLE MISSING_RATIONALE
            # ---- hospital and quality
            Hypothesis: If nurses use a handover checklist, then patient falls drop by 20% within 3 months.\\nRationale: audits show 60% of falls follow a missed handover. | true |
            If we hold a daily huddle, then medication errors fall to fewer than 3 per month\\nBecause: most errors happen at shift change. | true |
            If we introduce a triage nurse, then the median ED wait time drops under 45 minutes                                  | true  | MISSING_RATIONALE
            If we send reminders, then no-shows will fall since patients forget appointments                                     | true  |
            If we give some nurses tablets, then charting time drops 20% because paper double-entry is slow                      | true  | VAGUE_WORDING
            When pharmacists join ward rounds then prescribing errors halve                                                      | true  | MISSING_RATIONALE
            When clinics open at 7am, the no-show rate drops to 5% or less because patients can come before work                 | true  |
            If we publish the rota two weeks earlier, then sick days fall by a third.                                            | true  | MISSING_RATIONALE
            If we improve hand hygiene, then patients will be happier                                                            | false | NOT_MEASURABLE MISSING_RATIONALE
            # ---- finance and facilities
            If we automate invoice matching, then month-end close takes at most 3 days, given that 70% of the time goes into manual matching. | true |
            If we add alt text everywhere, then accessibility complaints drop to zero within a quarter                           | true  | MISSING_RATIONALE
            If we significantly simplify the claim form, completions improve significantly (by 30%)                             | true  | MISSING_RATIONALE
            When we significantly simplify stuff, things improve significantly                                                   | false | NOT_MEASURABLE MISSING_RATIONALE VAGUE_WORDING VAGUE_WORDING VAGUE_WORDING
            If we launch in March, then we are done by 2026                                                                      | false | NOT_MEASURABLE MISSING_RATIONALE
            # ---- fragments
            If                                                                                                                   | false | MISSING_OUTCOME MISSING_CONDITION MISSING_RATIONALE
            When?                                                                                                                | false | MISSING_OUTCOME MISSING_CONDITION MISSING_RATIONALE
            then                                                                                                                 | false | FORM_UNRECOGNISED
            We believe in our team                                                                                               | false | MISSING_OUTCOME MISSING_RATIONALE
            We believe that will result in 10% more renewals                                                                     | false | MISSING_CONDITION MISSING_RATIONALE
            """)
    void judgesExample(String text, boolean acceptable, String codes) {
        HypothesisCheck check = linter.check(text.replace("\\n", "\n"));

        assertThat(check.codes()).as("finding codes").isEqualTo(codes(codes));
        assertThat(check.acceptable()).as("acceptable").isEqualTo(acceptable);
    }

    static List<FindingCode> codes(String column) {
        return column == null ? List.of() : Arrays.stream(column.trim().split("\\s+")).map(FindingCode::valueOf).toList();
    }
}
