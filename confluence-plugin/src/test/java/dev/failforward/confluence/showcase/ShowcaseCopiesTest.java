package dev.failforward.confluence.showcase;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import dev.failforward.confluence.jira.MutableClock;
import dev.failforward.confluence.jira.ShowcaseView;
import dev.failforward.host.ao.AoDatabase;
import dev.failforward.host.db.TestDatabases;
import dev.failforward.host.settings.DatabasePluginSettings;
import dev.failforward.host.settings.InMemoryPluginSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The viewer's showcase copies: in the node's memory, and shared through plugin settings with every node and across
 * restarts — only with the same viewer, written when the content changed (or an hour passed), forgotten when Jira
 * refuses, and never older than 14 days or more than 500.
 */
class ShowcaseCopiesTest {

    private static final String Q3 = "projects=GROW%2COPS&period=2026-Q3";
    private static final Instant T0 = Instant.parse("2026-10-02T08:15:30Z");

    /** Plugin settings that count the writes of copies (the index aside). */
    private static final class Counting implements PluginSettingsFactory {
        final InMemoryPluginSettings settings = new InMemoryPluginSettings();
        final AtomicInteger copyWrites = new AtomicInteger();

        @Override
        public PluginSettings createGlobalSettings() {
            return new PluginSettings() {
                @Override
                public Object get(String key) {
                    return settings.get(key);
                }

                @Override
                public Object put(String key, Object value) {
                    if (!key.equals(SharedShowcaseCopies.INDEX)) {
                        copyWrites.incrementAndGet();
                    }
                    return settings.put(key, value);
                }

                @Override
                public Object remove(String key) {
                    return settings.remove(key);
                }
            };
        }

        Map<String, Object> copies() {
            return settings.values().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(SharedShowcaseCopies.PREFIX)
                            && !e.getKey().equals(SharedShowcaseCopies.INDEX))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private final Counting store = new Counting();

    @Test
    void anotherNodeOrARestartedOneFindsTheViewersCopyInTheDatabase() {
        ShowcaseCopies first = new ShowcaseCopies(store, clock);
        first.keep("u-anna", Q3, ShowcaseFixtures.q3());

        clock.set(T0.plus(Duration.ofHours(3)));
        ShowcaseCopies second = new ShowcaseCopies(store, clock);
        ShowcaseCopies.Copy copy = second.last("u-anna", Q3).orElseThrow();
        assertThat(copy.view()).isEqualTo(ShowcaseFixtures.q3());
        assertThat(copy.fetchedAt()).as("as old as it is").isEqualTo(T0);

        assertThat(second.last("u-ben", Q3)).as("another viewer").isEmpty();
        assertThat(second.last("u-anna", "projects=OPS&period=2026-Q3")).as("other parameters").isEmpty();
        assertThat(second.last("", Q3)).isEmpty();
        assertThat(new ShowcaseCopies(clock).last("u-anna", Q3)).as("memory only: nothing shared").isEmpty();
    }

    @Test
    void anAnswerIsSharedWhenItsContentChangesOrAnHourPassedNotOnEveryRender() {
        ShowcaseCopies copies = new ShowcaseCopies(store, clock);
        copies.keep("u-anna", Q3, ShowcaseFixtures.q3());
        assertThat(store.copyWrites.get()).isEqualTo(1);

        clock.set(T0.plusSeconds(60));
        copies.keep("u-anna", Q3, ShowcaseFixtures.q3().withGeneratedAt("2026-10-02T08:16:30Z"));
        assertThat(store.copyWrites.get()).as("the same content, generated a minute later").isEqualTo(1);

        ShowcaseView changed = new ShowcaseView(List.of("GROW", "OPS"), ShowcaseFixtures.q3().period(),
                "Europe/Berlin", "2026-10-02T08:17:00Z", List.of(), List.of(), List.of(), 0, List.of(), 0, List.of(),
                ShowcaseFixtures.JIRA);
        clock.set(T0.plusSeconds(120));
        copies.keep("u-anna", Q3, changed);
        assertThat(store.copyWrites.get()).as("the content changed").isEqualTo(2);

        clock.set(T0.plus(Duration.ofMinutes(62)));
        copies.keep("u-anna", Q3, changed);
        assertThat(store.copyWrites.get()).as("an hour after it was shared").isEqualTo(3);
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3).orElseThrow().fetchedAt())
                .isEqualTo(T0.plus(Duration.ofMinutes(62)));

        copies.keep(null, Q3, changed);
        copies.keep("", Q3, changed);
        assertThat(store.copyWrites.get()).as("an anonymous viewer's answers are not kept").isEqualTo(3);
    }

    @Test
    void aForgottenCopyIsGoneOnEveryNodeAlsoFromItsMemory() {
        ShowcaseCopies first = new ShowcaseCopies(store, clock);
        ShowcaseCopies second = new ShowcaseCopies(store, clock);
        first.keep("u-anna", Q3, ShowcaseFixtures.q3());
        second.keep("u-anna", Q3, ShowcaseFixtures.q3());
        assertThat(second.last("u-anna", Q3)).isPresent();

        // Jira refuses Anna on the first node a minute later: the second node's memory must not print its copy
        clock.set(T0.plusSeconds(60));
        first.forget("u-anna", Q3);
        assertThat(first.last("u-anna", Q3)).isEmpty();
        assertThat(second.last("u-anna", Q3)).isEmpty();
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).isEmpty();
        int writes = store.copyWrites.get();
        first.forget("u-anna", Q3);
        second.forget("u-anna", Q3);
        assertThat(store.copyWrites.get()).as("refused again: nothing more is written").isEqualTo(writes);

        // Jira shows it to her again later on the second node: that copy is newer than the forgetting
        clock.set(T0.plusSeconds(120));
        second.keep("u-anna", Q3, ShowcaseFixtures.q3());
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).isPresent();
        assertThat(first.last("u-anna", Q3)).isPresent();
    }

    @Test
    void theNewerOfThisNodesCopyAndTheClustersIsShown() {
        ShowcaseCopies first = new ShowcaseCopies(store, clock);
        ShowcaseCopies second = new ShowcaseCopies(store, clock);
        first.keep("u-anna", Q3, ShowcaseFixtures.q3());
        clock.set(T0.plus(Duration.ofMinutes(5)));
        ShowcaseView changed = ShowcaseFixtures.q3().withGeneratedAt("2026-10-02T08:20:30Z");
        changed = new ShowcaseView(changed.projects(), changed.period(), changed.timeZone(), changed.generatedAt(),
                List.of(), changed.learnings(), changed.experiments(), changed.experimentsTotal(), changed.incidents(),
                changed.incidentsTotal(), changed.kpis(), changed.jiraUrl());
        second.keep("u-anna", Q3, changed);

        assertThat(first.last("u-anna", Q3).orElseThrow().view()).as("the second node's newer answer").isEqualTo(changed);
        assertThat(first.last("u-anna", Q3).orElseThrow().fetchedAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
    }

    @Test
    void copiesOlderThanTwoWeeksAreNotShownAndRemoved() {
        new ShowcaseCopies(store, clock).keep("u-anna", Q3, ShowcaseFixtures.q3());
        clock.set(T0.plus(Duration.ofDays(14)).plusSeconds(1));
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).isEmpty();
        assertThat(store.copies()).isEmpty();
    }

    @Test
    void theIndexKeepsTheNewestFiveHundredAndDropsThoseOlderThanTwoWeeks() {
        ShowcaseCopies copies = new ShowcaseCopies(store, clock);
        copies.keep("u-old", Q3, ShowcaseFixtures.q3());
        clock.set(T0.plus(Duration.ofDays(15)));
        copies.forget("u-refused", Q3);
        for (int i = 0; i < SharedShowcaseCopies.MAX_ENTRIES + 20; i++) {
            clock.advance(Duration.ofSeconds(1));
            copies.keep("u-" + i, Q3, ShowcaseFixtures.q3());
        }
        String refused = SharedShowcaseCopies.PREFIX + SharedShowcaseCopies.id("u-refused", Q3);
        Map<String, Object> stored = store.copies();
        assertThat((String) stored.remove(refused)).as("a forgetting is not counted against the limit")
                .contains("forgottenAt");
        assertThat(stored).hasSize(SharedShowcaseCopies.MAX_ENTRIES);
        assertThat(stored).containsKey(SharedShowcaseCopies.PREFIX
                + SharedShowcaseCopies.id("u-519", Q3)).doesNotContainKey(SharedShowcaseCopies.PREFIX
                + SharedShowcaseCopies.id("u-19", Q3)).doesNotContainKey(SharedShowcaseCopies.PREFIX
                + SharedShowcaseCopies.id("u-old", Q3));
        assertThat(new ShowcaseCopies(store, clock).last("u-20", Q3)).isPresent();
        assertThat(SharedShowcaseCopies.PREFIX + SharedShowcaseCopies.id("u-anna", Q3))
                .as("SAL keys are at most 100 characters").hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void anUnreadableOrBrokenSharedCopyIsIgnoredAndRemoved() {
        String key = SharedShowcaseCopies.PREFIX + SharedShowcaseCopies.id("u-anna", Q3);
        store.settings.put(key, "{\"format\":1,\"fetchedAt\":\"yesterday\",\"view\":{}}");
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).isEmpty();
        assertThat(store.settings.get(key)).isNull();

        store.settings.put(key, "{\"format\":1,\"fetchedAt\":\"2026-10-02T08:00:00Z\",\"view\":{\"projects\":[]}}");
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).as("no period").isEmpty();

        store.settings.put(SharedShowcaseCopies.INDEX, "not json");
        new ShowcaseCopies(store, clock).keep("u-anna", Q3, ShowcaseFixtures.q3());
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).isPresent();
    }

    @Test
    void aDatabaseThatFailsNeverFailsThePage() {
        PluginSettingsFactory broken = () -> {
            throw new IllegalStateException("cannot read the plugin setting: connection refused");
        };
        ShowcaseCopies copies = new ShowcaseCopies(broken, clock);
        copies.keep("u-anna", Q3, ShowcaseFixtures.q3());
        assertThat(copies.last("u-anna", Q3)).as("this node's memory still has it").isPresent();
        assertThat(new ShowcaseCopies(broken, clock).last("u-anna", Q3)).isEmpty();
        copies.forget("u-anna", Q3);
        assertThat(copies.last("u-anna", Q3)).isEmpty();
    }

    @Test
    void theCopyFitsTheProductsSettingsTableAndTwoNodesShareIt() {
        try (AoDatabase db = TestDatabases.openAo("dev.failforward.confluence")) {
            ShowcaseCopies first = new ShowcaseCopies(new DatabasePluginSettings(db.dataSource()), clock);
            first.keep("u-anna", Q3, ShowcaseFixtures.q3());
            ShowcaseCopies second = new ShowcaseCopies(new DatabasePluginSettings(db.dataSource()), clock);
            assertThat(second.last("u-anna", Q3).orElseThrow().view()).isEqualTo(ShowcaseFixtures.q3());
        }
    }

    @Test
    void anAnswerFetchedBeforeAnotherNodesRefusalDoesNotBringTheCopyBack() {
        ShowcaseCopies first = new ShowcaseCopies(store, clock);
        ShowcaseCopies second = new ShowcaseCopies(store, clock);
        // the second node fetched Anna's showcase at T0 but writes it only after the first node was refused at T0+1 s
        clock.set(T0.plusSeconds(1));
        first.forget("u-anna", Q3);
        clock.set(T0);
        second.keep("u-anna", Q3, ShowcaseFixtures.q3());

        clock.set(T0.plusSeconds(5));
        assertThat(new ShowcaseCopies(store, clock).last("u-anna", Q3)).isEmpty();
        assertThat(first.last("u-anna", Q3)).isEmpty();
    }

    @Test
    void twoNodesKeepingCopiesForManyViewersAtOnceLoseNone() throws Exception {
        try (AoDatabase db = TestDatabases.openAo("dev.failforward.confluence")) {
            List<ShowcaseCopies> nodes = List.of(
                    new ShowcaseCopies(new DatabasePluginSettings(db.dataSource()), clock),
                    new ShowcaseCopies(new DatabasePluginSettings(db.dataSource()), clock));
            int viewers = 120;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (int i = 0; i < viewers; i++) {
                String user = "u-" + i;
                ShowcaseCopies node = nodes.get(i % 2);
                work.add(pool.submit(() -> {
                    start.await();
                    node.keep(user, Q3, ShowcaseFixtures.q3());
                    return null;
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<?> done : work) {
                done.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            pool.shutdown();

            ShowcaseCopies third = new ShowcaseCopies(new DatabasePluginSettings(db.dataSource()), clock);
            for (int i = 0; i < viewers; i++) {
                assertThat(third.last("u-" + i, Q3)).as("u-" + i).isPresent();
            }
            Object index = new DatabasePluginSettings(db.dataSource()).get(SharedShowcaseCopies.INDEX);
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree((String) index))
                    .as("the index stays readable; entries two writers raced for may be missing").isNotEmpty()
                    .hasSizeLessThanOrEqualTo(viewers);
        }
    }
}
