package dev.failforward.core.record;

import java.util.Locale;

/** What kind of learning it is: an insight, a surprise, something that went well, or luck that hid a risk. */
public enum LearningKind {
    INSIGHT,
    SURPRISE,
    WENT_WELL,
    /** It went well by luck: the risk is still there. */
    GOT_LUCKY;

    public String i18nKey() {
        return "failforward.failuredb.learningkind." + name().toLowerCase(Locale.ROOT);
    }
}
