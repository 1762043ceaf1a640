package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * AO row of one failure huddle a team held ({@code AO_xxxxxx_HUDDLE}): the weekly 15-minute meeting prepared by the
 * huddle dashboard item. "Huddles held" (a KPI) counts these rows.
 *
 * <p>A team is the set of projects the huddle covers; {@code TEAM_KEY} is their sorted keys joined by commas (at most
 * 255 characters; longer sets are hashed). {@code HUDDLE_KEY} (unique) is {@code <team key>@<week-based year>-W<week>}:
 * a team holds at most one huddle per ISO week, however many people press "held" on however many nodes.
 */
@Preload
@Table("HUDDLE")
public interface HuddleEntity extends Entity {

    String HUDDLE_KEY = "HUDDLE_KEY";
    String TEAM_KEY = "TEAM_KEY";
    String PROJECT_KEYS = "PROJECT_KEYS";
    String HELD_AT = "HELD_AT";
    String HELD_BY = "HELD_BY";
    String FAILURES_REVIEWED = "FAILURES_REVIEWED";
    String CELEBRATED_LEARNING_ID = "CELEBRATED_LEARNING_ID";
    String NOTE = "NOTE";

    @NotNull
    @Unique
    @StringLength(255)
    String getHuddleKey();

    void setHuddleKey(String huddleKey);

    @NotNull
    @Indexed
    @StringLength(255)
    String getTeamKey();

    void setTeamKey(String teamKey);

    /** The huddle's project keys, sorted and comma-separated. */
    @NotNull
    @StringLength(StringLength.UNLIMITED)
    String getProjectKeys();

    void setProjectKeys(String projectKeys);

    @NotNull
    @Indexed
    Date getHeldAt();

    void setHeldAt(Date at);

    @StringLength(255)
    String getHeldBy();

    void setHeldBy(String userKey);

    /** How many failures reported since the team's previous huddle were on the board. */
    @NotNull
    int getFailuresReviewed();

    void setFailuresReviewed(int count);

    /** The learning the team celebrated ({@code LEARNING.ID}), if any. */
    Long getCelebratedLearningId();

    void setCelebratedLearningId(Long learningId);

    @StringLength(StringLength.UNLIMITED)
    String getNote();

    void setNote(String note);
}
