package dev.failforward.jira.workflow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of a workflow validator, condition or post-function, edited in Jira's workflow editor and stored as a
 * string argument of the workflow descriptor. Reading it is forgiving (a missing or hand-edited bad value falls back
 * to the default), because a workflow must keep working even if its XML was edited by hand.
 */
public record ModuleArg(String name, Type type, String defaultValue, int min, int max, List<String> choices,
                        String labelI18nKey) {

    public enum Type { BOOLEAN, NUMBER, CHOICE }

    public ModuleArg {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(labelI18nKey, "labelI18nKey");
        choices = List.copyOf(choices);
        if (type == Type.CHOICE && !choices.contains(defaultValue)) {
            throw new IllegalArgumentException(name + " default " + defaultValue + " is not one of " + choices);
        }
    }

    public static ModuleArg flag(String name, boolean defaultValue, String labelI18nKey) {
        return new ModuleArg(name, Type.BOOLEAN, Boolean.toString(defaultValue), 0, 1, List.of(), labelI18nKey);
    }

    public static ModuleArg number(String name, int defaultValue, int min, int max, String labelI18nKey) {
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException(name + " default " + defaultValue + " is outside " + min + ".." + max);
        }
        return new ModuleArg(name, Type.NUMBER, Integer.toString(defaultValue), min, max, List.of(), labelI18nKey);
    }

    /** One of fixed values; the editor shows them as a select, labelled by {@code labelI18nKey + "." + value}. */
    public static ModuleArg choice(String name, String defaultValue, List<String> choices, String labelI18nKey) {
        return new ModuleArg(name, Type.CHOICE, defaultValue, 0, 0, choices, labelI18nKey);
    }

    /**
     * The value made valid: a boolean, or a whole number clamped into range; anything unreadable is the default. A
     * checkbox the workflow editor left unticked sends nothing, so from the form a missing boolean means false, while
     * a missing stored argument means the default.
     */
    public String normalise(Object raw, boolean fromForm) {
        String value = raw == null ? "" : raw.toString().strip();
        if (value.isEmpty()) {
            return type == Type.BOOLEAN && fromForm ? "false" : defaultValue;
        }
        return switch (type) {
            case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on") ? "true"
                    : value.equalsIgnoreCase("false") || value.equalsIgnoreCase("off") ? "false" : defaultValue;
            case CHOICE -> choices.contains(value) ? value : defaultValue;
            case NUMBER -> {
                try {
                    yield Integer.toString(Math.max(min, Math.min(max, Integer.parseInt(value))));
                } catch (NumberFormatException e) {
                    yield defaultValue;
                }
            }
        };
    }

    public boolean booleanIn(Map<?, ?> args) {
        return Boolean.parseBoolean(normalise(args == null ? null : args.get(name), false));
    }

    public String valueIn(Map<?, ?> args) {
        return normalise(args == null ? null : args.get(name), false);
    }

    public int intIn(Map<?, ?> args) {
        return Integer.parseInt(normalise(args == null ? null : args.get(name), false));
    }
}
