package dev.failforward.confluence.blueprint;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a new "Failure showcase" page shows: the last complete quarter ({@code 2026-Q3} when made in October–December
 * 2026, in UTC) as the macro's {@code period}, and the title "Failure showcase 2026-Q3" in the creator's language.
 */
@Named
public class ShowcaseBlueprintPages {

    static final String TITLE_KEY = "failforward.blueprint.showcase.page.title";

    /** The new page's macro period and title. */
    public record ShowcasePage(String period, String title) {
    }

    private final I18nResolver i18n;
    private final Clock clock;

    @Inject
    public ShowcaseBlueprintPages(@ComponentImport I18nResolver i18n) {
        this(i18n, Clock.systemUTC());
    }

    public ShowcaseBlueprintPages(I18nResolver i18n, Clock clock) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ShowcasePage prepare() {
        String period = lastCompleteQuarter(LocalDate.now(clock));
        return new ShowcasePage(period, i18n.getText(TITLE_KEY, period));
    }

    /** The quarter before the one holding {@code today}, as the macro's {@code period} spells it. */
    static String lastCompleteQuarter(LocalDate today) {
        LocalDate inPrevious = today.withDayOfMonth(1).minusMonths(3);
        return inPrevious.getYear() + "-Q" + ((inPrevious.getMonthValue() - 1) / 3 + 1);
    }
}
