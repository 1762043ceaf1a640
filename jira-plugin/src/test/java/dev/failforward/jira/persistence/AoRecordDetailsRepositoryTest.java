package dev.failforward.jira.persistence;

import dev.failforward.core.record.ActionItem;
import dev.failforward.core.record.ActionItemCommand;
import dev.failforward.core.record.ActionStatus;
import dev.failforward.core.record.ActionType;
import dev.failforward.core.record.CheckInResult;
import dev.failforward.core.record.Learning;
import dev.failforward.core.record.LearningCommand;
import dev.failforward.core.record.LearningKind;
import dev.failforward.core.record.StaleEditException;
import dev.failforward.core.record.WhyChainCommand;
import dev.failforward.core.record.WhyStep;
import dev.failforward.host.ao.AtlassianTestTableNameConverter;
import dev.failforward.host.ao.EntityManagerActiveObjects;
import net.java.ao.EntityManager;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.atlassian.AtlassianIndexNameConverter;
import net.java.ao.atlassian.AtlassianSequenceNameConverter;
import net.java.ao.atlassian.AtlassianTriggerNameConverter;
import net.java.ao.atlassian.AtlassianUniqueNameConverter;
import net.java.ao.test.converters.NameConverters;
import net.java.ao.test.jdbc.Data;
import net.java.ao.test.jdbc.Jdbc;
import net.java.ao.test.junit.ActiveObjectsJUnitRunner;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Learnings, action items (with optimistic locking) and 5 whys on the real AO ORM (HSQLDB). */
@RunWith(ActiveObjectsJUnitRunner.class)
@Data(FailureDbSchema.class)
@Jdbc(TestJdbc.class)
@NameConverters(table = AtlassianTestTableNameConverter.class, field = AtlassianFieldNameConverter.class,
        index = AtlassianIndexNameConverter.class, sequence = AtlassianSequenceNameConverter.class,
        trigger = AtlassianTriggerNameConverter.class, unique = AtlassianUniqueNameConverter.class)
public class AoRecordDetailsRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final long RECORD = 10001;

    private EntityManager entityManager;
    private AoLearningRepository learnings;
    private AoActionItemRepository actions;
    private AoWhyStepRepository whys;

    @Before
    public void setUp() {
        EntityManagerActiveObjects ao = new EntityManagerActiveObjects(entityManager);
        learnings = new AoLearningRepository(ao);
        actions = new AoActionItemRepository(ao);
        whys = new AoWhyStepRepository(ao);
    }

    // ----- learnings -----

    @Test
    public void addsAndListsLearningsOldestFirst() {
        Learning second = learnings.add(new LearningCommand("Config changes need review", "insight")
                .toDraft(RECORD, "u-anna", T0.plusSeconds(60)).value());
        Learning first = learnings.add(new LearningCommand("We got lucky it was night", "got_lucky")
                .toDraft(RECORD, "u-ben", T0).value());
        learnings.add(new LearningCommand("elsewhere", "surprise").toDraft(RECORD + 1, "u", T0).value());

        assertThat(first.id()).isPositive();
        assertThat(learnings.findByRecord(RECORD)).containsExactly(first, second);
        assertThat(learnings.countByRecord(RECORD)).isEqualTo(2);
        assertThat(learnings.findById(second.id())).contains(second);
        assertThat(second.text()).isEqualTo("Config changes need review");
        assertThat(second.kind()).isEqualTo(LearningKind.INSIGHT);
        assertThat(second.authorKey()).isEqualTo("u-anna");
        assertThat(second.createdAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    public void editsAndDeletesLearnings() {
        Learning stored = learnings.add(new Learning.Draft(RECORD, "x".repeat(2000), LearningKind.INSIGHT, "u", T0));
        assertThat(learnings.findById(stored.id())).get().extracting(Learning::text).isEqualTo("x".repeat(2000));
        Learning edited = new LearningCommand("Shorter", "went_well").applyTo(stored).value();

        assertThat(learnings.update(edited)).contains(edited);
        assertThat(learnings.findById(stored.id())).contains(edited);
        assertThat(learnings.delete(stored.id())).isTrue();
        assertThat(learnings.delete(stored.id())).isFalse();
        assertThat(learnings.update(edited)).as("gone").isEmpty();
        assertThat(learnings.findById(stored.id())).isEmpty();
        assertThat(learnings.findById(0)).isEmpty();
    }

    // ----- action items -----

    private ActionItem addAction(String due) {
        return actions.add(new ActionItemCommand("Add config review to the deploy checklist", "u-ben", due, "prevent",
                null, null, null, null).toDraft(RECORD, T0).value());
    }

    @Test
    public void addsActionItemsOpenAtVersionZeroOrderedByDueDate() {
        ActionItem late = addAction("2026-07-15");
        ActionItem early = addAction("2026-06-01");

        assertThat(early.status()).isEqualTo(ActionStatus.OPEN);
        assertThat(early.version()).isZero();
        assertThat(early.dueDate()).isEqualTo(LocalDate.parse("2026-06-01"));
        assertThat(actions.findByRecord(RECORD)).containsExactly(early, late);
        assertThat(actions.findById(late.id())).contains(late);
    }

    @Test
    public void anEditBasedOnTheStoredVersionIsSavedWithTheNextVersion() {
        ActionItem stored = addAction("2026-06-01");
        ActionItem done = new ActionItemCommand("Add config review to the deploy checklist", "u-cleo", "2026-06-01",
                "detect", "done", "2026-09-01", "not_effective", "Still slipped twice")
                .applyTo(stored, stored.version(), T0.plusSeconds(600)).value();

        ActionItem saved = actions.update(done);

        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.status()).isEqualTo(ActionStatus.DONE);
        assertThat(saved.type()).isEqualTo(ActionType.DETECT);
        assertThat(saved.ownerKey()).isEqualTo("u-cleo");
        assertThat(saved.checkInDate()).isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(saved.checkInResult()).isEqualTo(CheckInResult.NOT_EFFECTIVE);
        assertThat(saved.checkInNote()).isEqualTo("Still slipped twice");
        assertThat(saved.updatedAt()).isEqualTo(T0.plusSeconds(600));
        assertThat(actions.findById(stored.id())).contains(saved);
    }

    @Test
    public void anEditBasedOnAnOlderVersionIsRefusedAndWritesNothing() {
        ActionItem stored = addAction("2026-06-01");
        ActionItemCommand anna = new ActionItemCommand("Anna's wording", "u-anna", "2026-06-01", "prevent", null, null, null, null);
        ActionItemCommand ben = new ActionItemCommand("Ben's wording", "u-ben", "2026-06-02", "prevent", null, null, null, null);
        // both opened the form at version 0; Anna saves first
        ActionItem annaSaved = actions.update(anna.applyTo(stored, 0, T0).value());

        assertThatThrownBy(() -> actions.update(ben.applyTo(stored, 0, T0).value()))
                .isInstanceOf(StaleEditException.class)
                .hasMessageContaining("version 0")
                .satisfies(e -> assertThat(((StaleEditException) e).id()).isEqualTo(stored.id()));
        assertThat(actions.findById(stored.id())).contains(annaSaved);
        assertThat(annaSaved.description()).isEqualTo("Anna's wording");

        // Ben reloads and re-applies on version 1
        assertThat(actions.update(ben.applyTo(annaSaved, annaSaved.version(), T0).value()).version()).isEqualTo(2);
    }

    @Test
    public void anEditOfADeletedItemIsStale() {
        ActionItem stored = addAction("2026-06-01");
        assertThat(actions.delete(stored.id())).isTrue();
        assertThatThrownBy(() -> actions.update(stored)).isInstanceOf(StaleEditException.class);
        assertThat(actions.delete(stored.id())).isFalse();
        assertThat(actions.findById(stored.id())).isEmpty();
    }

    // ----- whys -----

    @Test
    public void replacesTheWholeChain() {
        List<WhyStep> five = WhyChainCommand.of("Why did checkout fail?", "Bad config", "Why bad config?", "No review",
                "Why no review?", "Night deploy", "Why at night?", "Low traffic window", "Why no reviewer?",
                "Nobody on call").toSteps(RECORD).value();
        assertThat(whys.replaceAll(RECORD, five)).isEqualTo(five);
        assertThat(whys.findByRecord(RECORD)).isEqualTo(five);

        List<WhyStep> two = WhyChainCommand.of("Why?", "Because", "And why?", "Because, again").toSteps(RECORD).value();
        whys.replaceAll(RECORD, two);
        assertThat(whys.findByRecord(RECORD)).isEqualTo(two);

        whys.replaceAll(RECORD + 1, WhyChainCommand.of("Other?", "Other").toSteps(RECORD + 1).value());
        whys.replaceAll(RECORD, List.of());
        assertThat(whys.findByRecord(RECORD)).isEmpty();
        assertThat(whys.findByRecord(RECORD + 1)).hasSize(1);
    }

    @Test
    public void refusesAChainWithGapsOrOfAnotherRecordWithoutTouchingTheStoredOne() {
        List<WhyStep> stored = whys.replaceAll(RECORD, List.of(new WhyStep(RECORD, 1, "q", "a")));
        assertThatIllegalArgumentException().isThrownBy(() -> whys.replaceAll(RECORD,
                List.of(new WhyStep(RECORD, 1, "q", "a"), new WhyStep(RECORD, 3, "q", "a"))))
                .withMessageContaining("positions");
        assertThatIllegalArgumentException().isThrownBy(() -> whys.replaceAll(RECORD,
                List.of(new WhyStep(RECORD + 1, 1, "q", "a")))).withMessageContaining("belongs to record");
        assertThat(whys.findByRecord(RECORD)).isEqualTo(stored);
    }
}
