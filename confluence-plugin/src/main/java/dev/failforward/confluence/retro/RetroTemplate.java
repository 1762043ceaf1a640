package dev.failforward.confluence.retro;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The retro formats the {@code failforward-retro} macro offers: each a title and an ordered list of sections, each
 * section a heading and a prompt. {@link #id()} is the macro's {@code template} parameter value ({@link RetroKeys}) and
 * never changes once released. Keys are spelt out in full so the build's i18n check finds each one in the bundle.
 */
public enum RetroTemplate {

    /** Experiment retro: what the failure taught us about the hypothesis, for the next iteration. */
    EXPERIMENT_RETRO(RetroKeys.TEMPLATE_EXPERIMENT_RETRO, "failforward.retro.template.experiment.title", List.of(
            new Section("hypothesis", "failforward.retro.experiment.hypothesis.heading",
                    "failforward.retro.experiment.hypothesis.prompt"),
            new Section("data", "failforward.retro.experiment.data.heading",
                    "failforward.retro.experiment.data.prompt"),
            new Section("next-iteration", "failforward.retro.experiment.next.heading",
                    "failforward.retro.experiment.next.prompt"),
            new Section("surprises", "failforward.retro.experiment.surprises.heading",
                    "failforward.retro.experiment.surprises.prompt"))),

    /** Incident post-mortem: facts apart from interpretations, contributing factors, rounds of "why", learnings, actions. */
    INCIDENT_POSTMORTEM(RetroKeys.TEMPLATE_INCIDENT_POSTMORTEM, "failforward.retro.template.postmortem.title", List.of(
            new Section("timeline", "failforward.retro.postmortem.timeline.heading",
                    "failforward.retro.postmortem.timeline.prompt"),
            new Section("interpretations", "failforward.retro.postmortem.interpretations.heading",
                    "failforward.retro.postmortem.interpretations.prompt"),
            new Section("contributing-factors", "failforward.retro.postmortem.factors.heading",
                    "failforward.retro.postmortem.factors.prompt"),
            new Section("whys", "failforward.retro.postmortem.whys.heading",
                    "failforward.retro.postmortem.whys.prompt"),
            new Section("learnings", "failforward.retro.postmortem.learnings.heading",
                    "failforward.retro.postmortem.learnings.prompt"),
            new Section("next-steps", "failforward.retro.postmortem.next.heading",
                    "failforward.retro.postmortem.next.prompt"),
            new Section("action-items", "failforward.retro.postmortem.actions.heading",
                    "failforward.retro.postmortem.actions.prompt"))),

    /** The first review within a day: what we know, first learnings, first next steps. */
    REVIEW_24_HOUR(RetroKeys.TEMPLATE_24_HOUR_REVIEW, "failforward.retro.template.review.title", List.of(
            new Section("known", "failforward.retro.review.known.heading",
                    "failforward.retro.review.known.prompt"),
            new Section("first-learnings", "failforward.retro.review.learnings.heading",
                    "failforward.retro.review.learnings.prompt"),
            new Section("first-next-steps", "failforward.retro.review.next.heading",
                    "failforward.retro.review.next.prompt"))),

    /** A 15-minute huddle: what did not work, why it mattered, one tweak. */
    FAILURE_HUDDLE(RetroKeys.TEMPLATE_FAILURE_HUDDLE, "failforward.retro.template.huddle.title", List.of(
            new Section("did-not-work", "failforward.retro.huddle.didnotwork.heading",
                    "failforward.retro.huddle.didnotwork.prompt"),
            new Section("why-it-mattered", "failforward.retro.huddle.mattered.heading",
                    "failforward.retro.huddle.mattered.prompt"),
            new Section("one-tweak", "failforward.retro.huddle.tweak.heading",
                    "failforward.retro.huddle.tweak.prompt")));

    /** The template when the macro has no {@code template} parameter. */
    public static final RetroTemplate DEFAULT = EXPERIMENT_RETRO;

    private final String id;
    private final String titleKey;
    private final List<Section> sections;

    RetroTemplate(String id, String titleKey, List<Section> sections) {
        this.id = id;
        this.titleKey = titleKey;
        this.sections = List.copyOf(sections);
    }

    /** The macro parameter value, e.g. {@link RetroKeys#TEMPLATE_INCIDENT_POSTMORTEM}. */
    public String id() {
        return id;
    }

    public String titleKey() {
        return titleKey;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every template's id, in order: what the {@code template} parameter accepts. */
    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(RetroTemplate::id).toList();
    }

    /** The template with this {@link #id()} (case-insensitive, surrounding blanks ignored); empty when unknown. */
    public static Optional<RetroTemplate> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (RetroTemplate template : values()) {
            if (template.id.equals(wanted)) {
                return Optional.of(template);
            }
        }
        return Optional.empty();
    }

    /**
     * One section of a retro: {@code id} is a stable token for HTML ({@code data-section}) and tests, the keys name
     * the heading and the question the team answers.
     */
    public record Section(String id, String headingKey, String promptKey) {
        public Section {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(headingKey, "headingKey");
            Objects.requireNonNull(promptKey, "promptKey");
        }
    }
}
