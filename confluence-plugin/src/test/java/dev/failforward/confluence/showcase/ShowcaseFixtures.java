package dev.failforward.confluence.showcase;

import dev.failforward.confluence.jira.ShowcaseView;

import java.net.URI;
import java.util.List;

/** A showcase as Jira's {@code GET /showcase} gives it (read by the client), for the showcase tests. */
final class ShowcaseFixtures {

    static final URI JIRA = URI.create("https://jira.example.com/jira");

    private ShowcaseFixtures() {
    }

    static ShowcaseView q3() {
        ShowcaseView.Record checkout = record("OPS-12", "Checkout outage after a config rollout", "incident");
        ShowcaseView.Record onboarding = record("GROW-7", "Onboarding checklist raises activation", "experiment");
        ShowcaseView.Record smaller = record("GROW-9", "A smaller checklist for two weeks", "experiment");
        return new ShowcaseView(List.of("GROW", "OPS"),
                new ShowcaseView.Period("2026-Q3", "Q3 2026", "2026-07-01", "2026-09-30"), "Europe/Berlin",
                "2026-10-02T08:15:00Z",
                List.of(new ShowcaseView.Award("instance@2026-07-01", "Everyone", "2026-07-01", "2026-10-01",
                        "2026-10-15T00:00:00Z", "closed", List.of(
                        new ShowcaseView.Nominee(checkout, "It taught us to canary every config change", 7, true),
                        new ShowcaseView.Nominee(onboarding, "A refuted hypothesis, written down before the start", 4,
                                false)))),
                List.of(new ShowcaseView.Learning(41, "Config changes need a canary stage", "insight", checkout, 5, 3,
                        2)),
                List.of(new ShowcaseView.Experiment(onboarding, "refuted", "pivot", "2026-08-20T09:00:00Z",
                        List.of(smaller))), 1,
                List.of(new ShowcaseView.Incident(checkout, List.of(new ShowcaseView.FollowUp(
                        "Make the canary stage mandatory for config", "2026-09-01", "No config outage since")))), 1,
                List.of(new ShowcaseView.Kpi("recurrence_rate", "Recurrence rate", "Incidents that happened before",
                        "share", "down", List.of(new ShowcaseView.Point("Q3 2026", 0.125, "ok", false))),
                        new ShowcaseView.Kpi("hypotheses_tested", "Hypotheses tested", "Experiments decided", "count",
                                "up", List.of(new ShowcaseView.Point("Q3 2026", 6.0, "ok", false)))),
                JIRA);
    }

    static ShowcaseView.Record record(String key, String summary, String kind) {
        return new ShowcaseView.Record(key, key.substring(0, key.indexOf('-')), summary, kind, "Done",
                "/browse/" + key);
    }
}
