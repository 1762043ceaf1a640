package dev.failforward.core.record;

import dev.failforward.core.lifecycle.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The commands turn any input into a value or field problems; they never throw for bad input. */
class CommandsTest {

    private static final Instant NOW = Instant.parse("2026-05-04T08:00:00Z");
    private static final long RECORD = 10001;

    private static List<String> keys(Validated<?> result) {
        return result.problems().stream().map(FieldProblem::i18nKey).toList();
    }

    // ----- learnings -----

    @Test
    void aLearningCommandMakesADraft() {
        Validated<Learning.Draft> result = new LearningCommand("  Checklists get skipped under time pressure ", "went well")
                .toDraft(RECORD, "u-anna", NOW);
        assertThat(result.isValid()).isTrue();
        assertThat(result.value()).isEqualTo(new Learning.Draft(RECORD, "Checklists get skipped under time pressure",
                LearningKind.WENT_WELL, "u-anna", NOW));
        assertThat(result.value().withId(5).id()).isEqualTo(5);
        assertThat(new LearningCommand("x", "GOT_LUCKY").toDraft(RECORD, "u", NOW).value().kind()).isEqualTo(LearningKind.GOT_LUCKY);
        assertThat(new LearningCommand("x", "got-lucky").toDraft(RECORD, "u", NOW).value().kind()).isEqualTo(LearningKind.GOT_LUCKY);
    }

    @Test
    void aLearningCommandReportsEveryBadField() {
        assertThat(keys(new LearningCommand(null, null).toDraft(RECORD, "u", NOW))).containsExactly(
                "failforward.failuredb.learningText.required", "failforward.failuredb.learningKind.required");
        Validated<Learning.Draft> bad = new LearningCommand("x".repeat(2001), "lesson").toDraft(RECORD, "u", NOW);
        assertThat(keys(bad)).containsExactly("failforward.failuredb.learningText.tooLong",
                "failforward.failuredb.learningKind.unknown");
        assertThat(bad.problems().get(0).arguments()).containsExactly("2000");
        assertThat(bad.problems().get(1).arguments()).containsExactly("lesson");
        assertThat(bad.problems().get(1).field()).isEqualTo("learningKind");
        assertThatIllegalStateException().isThrownBy(bad::value);
        assertThat(new LearningCommand("x".repeat(2000), "insight").toDraft(RECORD, "u", NOW).isValid()).isTrue();
    }

    @Test
    void aLearningCapturedOnAPageKeepsThePageAndRefusesAnythingButAWebAddress() {
        Learning.Draft draft = new LearningCommand("Alerts need an owner", "insight",
                " https://wiki.example.com/pages/viewpage.action?pageId=42 ", "  OPS-7 post-mortem ")
                .toDraft(RECORD, "u", NOW).value();
        assertThat(draft.source()).isEqualTo(new SourcePage("https://wiki.example.com/pages/viewpage.action?pageId=42",
                "OPS-7 post-mortem"));
        assertThat(draft.withId(9).source()).isEqualTo(draft.source());
        assertThat(new LearningCommand("x", "insight", "http://wiki/display/OPS/Retro", null)
                .toDraft(RECORD, "u", NOW).value().source().title()).isNull();

        assertThat(keys(new LearningCommand("x", "insight", "javascript:alert(1)", "t").toDraft(RECORD, "u", NOW)))
                .containsExactly("failforward.failuredb.learningSourceUrl.invalid");
        assertThat(keys(new LearningCommand("x", "insight", "/pages/viewpage.action?pageId=1", "t")
                .toDraft(RECORD, "u", NOW))).containsExactly("failforward.failuredb.learningSourceUrl.invalid");
        assertThat(keys(new LearningCommand("x", "insight", "https://w/" + "p".repeat(800), null)
                .toDraft(RECORD, "u", NOW))).containsExactly("failforward.failuredb.learningSourceUrl.invalid");
        assertThat(keys(new LearningCommand("x", "insight", null, "A title").toDraft(RECORD, "u", NOW)))
                .containsExactly("failforward.failuredb.learningSourceUrl.required");
        Validated<Learning.Draft> longTitle = new LearningCommand("x", "insight", "https://w/p", "t".repeat(256))
                .toDraft(RECORD, "u", NOW);
        assertThat(keys(longTitle)).containsExactly("failforward.failuredb.learningSourceTitle.tooLong");
        assertThat(longTitle.problems().get(0).field()).isEqualTo("learningSourceTitle");
    }

    @Test
    void editingALearningKeepsThePageItWasCapturedOn() {
        SourcePage page = new SourcePage("https://wiki/x", "Retro");
        Learning stored = new Learning(3, RECORD, "old", LearningKind.INSIGHT, "u-anna", NOW, page);
        assertThat(new LearningCommand("new", "surprise", "https://elsewhere/y", "Other").applyTo(stored).value()
                .source()).isEqualTo(page);
    }

    @Test
    void aLearningCommandEditsTextAndKindOnly() {
        Learning stored = new Learning(3, RECORD, "old", LearningKind.INSIGHT, "u-anna", NOW);
        Learning edited = new LearningCommand("new", "surprise").applyTo(stored).value();
        assertThat(edited).isEqualTo(new Learning(3, RECORD, "new", LearningKind.SURPRISE, "u-anna", NOW));
        assertThat(keys(new LearningCommand("", "surprise").applyTo(stored)))
                .containsExactly("failforward.failuredb.learningText.required");
    }

    @Test
    void learningValuesCheckTheirComponents() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Learning(0, RECORD, "t", LearningKind.INSIGHT, "u", NOW))
                .withMessageContaining("id");
        assertThatIllegalArgumentException().isThrownBy(() -> new Learning(1, 0, "t", LearningKind.INSIGHT, "u", NOW))
                .withMessageContaining("recordIssueId");
        assertThatIllegalArgumentException().isThrownBy(() -> new Learning(1, RECORD, " ", LearningKind.INSIGHT, "u", NOW))
                .withMessageContaining("text is required");
        assertThatIllegalArgumentException().isThrownBy(() -> new Learning(1, RECORD, "t", LearningKind.INSIGHT, "", NOW))
                .withMessageContaining("authorKey");
        assertThatIllegalArgumentException().isThrownBy(() -> new Learning.Draft(RECORD, "x".repeat(2001), LearningKind.INSIGHT, "u", NOW))
                .withMessageContaining("text is longer than 2000");
    }

    // ----- action items -----

    private static ActionItemCommand action(String due, String type, String status, String checkIn, String result) {
        return new ActionItemCommand("Add a pre-deploy checklist step for config", "u-ben", due, type, status,
                checkIn, result, "note");
    }

    @Test
    void anActionItemCommandMakesAnOpenDraft() {
        ActionItem.Draft draft = action("2026-06-30", "prevent", "done", "2026-09-30", "effective")
                .toDraft(RECORD, NOW).value();
        assertThat(draft).isEqualTo(new ActionItem.Draft(RECORD, "Add a pre-deploy checklist step for config", "u-ben",
                LocalDate.parse("2026-06-30"), ActionType.PREVENT, LocalDate.parse("2026-09-30"), NOW));
        ActionItem stored = draft.withId(9);
        assertThat(stored.status()).as("new items start open").isEqualTo(ActionStatus.OPEN);
        assertThat(stored.checkInResult()).isNull();
        assertThat(stored.version()).isZero();
    }

    @Test
    void anActionItemCommandReportsEveryBadField() {
        assertThat(keys(new ActionItemCommand(null, " ", null, null, null, null, null, null).toDraft(RECORD, NOW)))
                .containsExactly("failforward.failuredb.actionDescription.required",
                        "failforward.failuredb.actionOwner.required", "failforward.failuredb.actionDueDate.required",
                        "failforward.failuredb.actionType.required");
        assertThat(keys(new ActionItemCommand("x".repeat(2001), "u".repeat(256), "30/06/2026", "fix", null,
                "tomorrow", null, null).toDraft(RECORD, NOW)))
                .containsExactly("failforward.failuredb.actionDescription.tooLong",
                        "failforward.failuredb.actionOwner.tooLong", "failforward.failuredb.actionDueDate.invalid",
                        "failforward.failuredb.actionType.unknown", "failforward.failuredb.actionCheckInDate.invalid");
        Validated<ActionItem.Draft> early = action("2026-06-30", "detect", null, "2026-06-01", null).toDraft(RECORD, NOW);
        assertThat(keys(early)).containsExactly("failforward.failuredb.actionCheckInDate.beforeDue");
        assertThat(early.problems().get(0).arguments()).containsExactly("2026-06-01", "2026-06-30");
        assertThat(early.problems().get(0).field()).isEqualTo("actionCheckInDate");
    }

    @Test
    void datesOutsideTheStorableYearsAreRefusedNamingTheField() {
        Validated<ActionItem.Draft> bad = action("+10000-01-01", "detect", null, "-0001-01-01", null).toDraft(RECORD, NOW);
        assertThat(keys(bad)).containsExactly("failforward.failuredb.actionDueDate.outOfRange",
                "failforward.failuredb.actionCheckInDate.outOfRange");
        assertThat(bad.problems()).extracting(FieldProblem::field).containsExactly("actionDueDate", "actionCheckInDate");
        assertThat(bad.problems().get(0).arguments()).containsExactly("+10000-01-01");
        assertThat(keys(action("0000-01-01", "detect", null, null, null).toDraft(RECORD, NOW)))
                .containsExactly("failforward.failuredb.actionDueDate.outOfRange");
        assertThat(keys(action("2026-02-30", "detect", null, null, null).toDraft(RECORD, NOW)))
                .containsExactly("failforward.failuredb.actionDueDate.invalid");
        assertThat(action("9999-12-31", "detect", null, "9999-12-31", null).toDraft(RECORD, NOW).isValid()).isTrue();
        assertThat(action("0001-01-01", "detect", null, null, null).toDraft(RECORD, NOW).isValid()).isTrue();

        ActionItem stored = action("2026-06-30", "detect", null, null, null).toDraft(RECORD, NOW).value().withId(4);
        assertThat(keys(action("2026-06-30", "detect", "done", "+99999-01-01", "effective").applyTo(stored, 0, NOW)))
                .containsExactly("failforward.failuredb.actionCheckInDate.outOfRange");
    }

    @Test
    void anUnstorableDateNeverMakesAnActionItem() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem.Draft(RECORD, "d", "u",
                LocalDate.of(10000, 1, 1), ActionType.DETECT, null, NOW)).withMessageContaining("dates must be within");
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem.Draft(RECORD, "d", "u",
                LocalDate.of(2026, 1, 1), ActionType.DETECT, LocalDate.of(-1, 1, 1), NOW))
                .withMessageContaining("dates must be within");
    }

    @Test
    void theOwnerMustBeAUserOfTheHost() {
        UserDirectory users = key -> key.equals("u-ben") || key.equals("u-anna");
        assertThat(action("2026-06-30", "detect", null, null, null).toDraft(RECORD, NOW, users).isValid()).isTrue();
        Validated<ActionItem.Draft> stranger = new ActionItemCommand("Fix it", " u-nobody ", "2026-06-30", "detect",
                null, null, null, null).toDraft(RECORD, NOW, users);
        assertThat(keys(stranger)).containsExactly("failforward.failuredb.actionOwner.unknown");
        assertThat(stranger.problems().get(0).field()).isEqualTo("actionOwner");
        assertThat(stranger.problems().get(0).arguments()).containsExactly("u-nobody");
        // every problem at once, the owner among them
        assertThat(keys(new ActionItemCommand("Fix it", "u-nobody", "+10000-01-01", "detect", null, null, null, null)
                .toDraft(RECORD, NOW, users))).containsExactly("failforward.failuredb.actionOwner.unknown",
                "failforward.failuredb.actionDueDate.outOfRange");
        // the directory is asked only about a well-formed key
        assertThat(keys(new ActionItemCommand("Fix it", " ", "2026-06-30", "detect", null, null, null, null)
                .toDraft(RECORD, NOW, key -> {
                    throw new AssertionError("asked about " + key);
                }))).containsExactly("failforward.failuredb.actionOwner.required");
    }

    @Test
    void anEditKeepsAnOwnerWhoLeftButRefusesAnewOneWhoIsNoUser() {
        ActionItem stored = new ActionItemCommand("Fix it", "u-left", "2026-06-30", "detect", null, null, null, null)
                .toDraft(RECORD, NOW).value().withId(7);
        UserDirectory users = key -> key.equals("u-ben");
        assertThat(new ActionItemCommand("Fix it properly", "u-left", "2026-06-30", "detect", "done", "2026-07-01",
                "effective", null).applyTo(stored, 0, NOW, users).isValid()).isTrue();
        assertThat(keys(new ActionItemCommand("Fix it", "u-ghost", "2026-06-30", "detect", null, null, null, null)
                .applyTo(stored, 0, NOW, users))).containsExactly("failforward.failuredb.actionOwner.unknown");
        assertThat(new ActionItemCommand("Fix it", "u-ben", "2026-06-30", "detect", null, null, null, null)
                .applyTo(stored, 0, NOW, users).value().ownerKey()).isEqualTo("u-ben");
    }

    @Test
    void anEditCarriesTheVersionItWasBasedOn() {
        ActionItem stored = action("2026-06-30", "mitigate", null, "2026-07-31", null).toDraft(RECORD, NOW).value().withId(4);
        Instant later = NOW.plusSeconds(3600);
        ActionItem done = action("2026-06-30", "mitigate", "DONE", "2026-07-31", "partly").applyTo(stored, 3, later).value();
        assertThat(done.status()).isEqualTo(ActionStatus.DONE);
        assertThat(done.checkInResult()).isEqualTo(CheckInResult.PARTLY);
        assertThat(done.checkInNote()).isEqualTo("note");
        assertThat(done.version()).isEqualTo(3);
        assertThat(done.createdAt()).isEqualTo(NOW);
        assertThat(done.updatedAt()).isEqualTo(later);
        assertThat(done.id()).isEqualTo(4);
    }

    @Test
    void anEditReportsBadStatusAndResult() {
        ActionItem stored = action("2026-06-30", "process", null, null, null).toDraft(RECORD, NOW).value().withId(4);
        assertThat(keys(action("2026-06-30", "process", "finished", null, "maybe").applyTo(stored, 0, NOW)))
                .containsExactly("failforward.failuredb.actionStatus.unknown",
                        "failforward.failuredb.actionCheckInResult.unknown");
        assertThat(keys(action("2026-06-30", "process", "open", null, "effective").applyTo(stored, 0, NOW)))
                .containsExactly("failforward.failuredb.actionCheckInResult.notDone");
        ActionItemCommand longNote = new ActionItemCommand("d", "u", "2026-06-30", "process", "done", null, null,
                "n".repeat(2001));
        assertThat(keys(longNote.applyTo(stored, 0, NOW))).containsExactly("failforward.failuredb.actionCheckInNote.tooLong");
    }

    @Test
    void actionItemValuesCheckTheirComponents() {
        ActionItem ok = action("2026-06-30", "prevent", null, null, null).toDraft(RECORD, NOW).value().withId(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem(1, RECORD, "d", "u", ok.dueDate(),
                ActionType.PREVENT, ActionStatus.OPEN, null, CheckInResult.EFFECTIVE, null, NOW, NOW, 0))
                .withMessageContaining("checkInResult needs status DONE");
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem(1, RECORD, "d", "u", ok.dueDate(),
                ActionType.PREVENT, ActionStatus.OPEN, ok.dueDate().minusDays(1), null, null, NOW, NOW, 0))
                .withMessageContaining("checkInDate");
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem(1, RECORD, "d", "u", ok.dueDate(),
                ActionType.PREVENT, ActionStatus.OPEN, null, null, null, NOW, NOW.minusSeconds(1), 0))
                .withMessageContaining("updatedAt");
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem(1, RECORD, "d", "u", ok.dueDate(),
                ActionType.PREVENT, ActionStatus.OPEN, null, null, null, NOW, NOW, -1))
                .withMessageContaining("version");
        assertThatIllegalArgumentException().isThrownBy(() -> new ActionItem(1, RECORD, "", "u", ok.dueDate(),
                ActionType.PREVENT, ActionStatus.OPEN, null, null, null, NOW, NOW, 0))
                .withMessageContaining("description is required");
    }

    // ----- whys -----

    @Test
    void aWhyChainDropsEmptyRowsAndNumbersTheRest() {
        WhyChainCommand command = new WhyChainCommand(List.of(new WhyChainCommand.Step("Why did checkout fail?",
                "The config was wrong"), new WhyChainCommand.Step(" ", ""), new WhyChainCommand.Step(
                "Why was it wrong?", " Nobody reviewed it ")));
        assertThat(command.toSteps(RECORD).value()).containsExactly(
                new WhyStep(RECORD, 1, "Why did checkout fail?", "The config was wrong"),
                new WhyStep(RECORD, 2, "Why was it wrong?", "Nobody reviewed it"));
        assertThat(new WhyChainCommand(null).toSteps(RECORD).value()).isEmpty();
    }

    @Test
    void aWhyChainReportsTheStepOfEachProblem() {
        Validated<List<WhyStep>> result = WhyChainCommand.of("Why?", "", "", "Because", "q".repeat(2001), "a".repeat(2001))
                .toSteps(RECORD);
        assertThat(keys(result)).containsExactly("failforward.failuredb.whyAnswer.required",
                "failforward.failuredb.whyQuestion.required", "failforward.failuredb.whyQuestion.tooLong",
                "failforward.failuredb.whyAnswer.tooLong");
        assertThat(result.problems().get(0).arguments()).containsExactly("1");
        assertThat(result.problems().get(2).arguments()).containsExactly("3", "2000");

        String[] many = new String[42];
        java.util.Arrays.fill(many, "x");
        assertThat(keys(WhyChainCommand.of(many).toSteps(RECORD))).containsExactly("failforward.failuredb.whySteps.tooMany");
    }

    @Test
    void whyStepsCheckTheirComponents() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WhyStep(RECORD, 0, "q", "a")).withMessageContaining("position");
        assertThatIllegalArgumentException().isThrownBy(() -> new WhyStep(RECORD, 21, "q", "a")).withMessageContaining("position");
        assertThatIllegalArgumentException().isThrownBy(() -> new WhyStep(RECORD, 1, "", "a")).withMessageContaining("question");
        assertThatIllegalArgumentException().isThrownBy(() -> new WhyStep(RECORD, 1, "q", null)).withMessageContaining("answer");
    }

    // ----- shared -----

    @Test
    void problemsTakeExactlyTheirArguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> FailureDbProblem.LEARNING_TEXT_REQUIRED.problem("x"));
        assertThatIllegalArgumentException().isThrownBy(() -> FailureDbProblem.fieldI18nKey("hypothesis"));
        assertThat(FailureDbProblem.fieldI18nKey("learningText")).isEqualTo("failforward.failuredb.field.learningText");
        assertThatIllegalArgumentException().isThrownBy(() -> Validated.invalid(List.of()));
        assertThat(new StaleEditException("Action item", 4, 2).getMessage()).contains("Action item 4", "version 2");
    }

    @Test
    void aLongBadValueIsShortenedInTheMessage() {
        Validated<Learning.Draft> result = new LearningCommand("t", "k".repeat(500)).toDraft(RECORD, "u", NOW);
        assertThat(result.problems().get(0).arguments().get(0)).hasSize(61).endsWith("\u2026");
    }
}
