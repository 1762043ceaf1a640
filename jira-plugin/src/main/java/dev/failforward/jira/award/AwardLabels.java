package dev.failforward.jira.award;

import com.atlassian.sal.api.message.I18nResolver;
import dev.failforward.core.award.AwardPeriod;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How an award's period is named to people (REST, the issue view's badge, the archive). */
public final class AwardLabels {

    private AwardLabels() {
    }

    /**
     * The period's name: "Q4 2026" for a quarter, "2026" for a year, "November 2026" for a month, else "Oct – Nov
     * 2026" (months counted from the start up to its end date, rounded up). "Advance" moves instants, not the dates,
     * so an award keeps its period's name however early an administrator ends it; the rounding still names well an
     * award whose end date an earlier version's "advance" moved.
     */
    public static String label(AwardPeriod period, Locale locale, I18nResolver i18n) {
        LocalDate start = period.start();
        long months = ChronoUnit.MONTHS.between(start, period.end())
                + (start.plusMonths(ChronoUnit.MONTHS.between(start, period.end())).isBefore(period.end()) ? 1 : 0);
        String year = Integer.toString(start.getYear());
        if (start.getDayOfMonth() == 1 && months == 3 && (start.getMonthValue() - 1) % 3 == 0) {
            return i18n.getText("failforward.award.period.quarter", Integer.toString((start.getMonthValue() + 2) / 3),
                    year);
        }
        if (start.getDayOfMonth() == 1 && months == 12 && start.getMonthValue() == 1) {
            return year;
        }
        if (months <= 1) {
            return start.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + year;
        }
        LocalDate last = start.plusMonths(months - 1);
        return i18n.getText("failforward.award.period.months",
                start.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale),
                last.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, locale), Integer.toString(last.getYear()));
    }

    /** "Most valuable failure · Q3 2026" for a winner, "Nominated · Q4 2026" for a nominee. */
    public static String badge(boolean winner, String periodLabel, I18nResolver i18n) {
        return i18n.getText(winner ? "failforward.award.badge.winner" : "failforward.award.badge.nominee",
                periodLabel);
    }
}
