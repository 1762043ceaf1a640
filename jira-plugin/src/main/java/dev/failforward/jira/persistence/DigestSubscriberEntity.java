package dev.failforward.jira.persistence;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

import java.util.Date;

/**
 * AO row of a user who opted in to the weekly digest ({@code AO_xxxxxx_DIGEST_SUBSCRIBER}, model version 12,
 * {@link FailureDbUpgradeTask012}). Opting out deletes the row; {@code USER_KEY} is unique, so opting in twice, from
 * two nodes at once, leaves one.
 */
@Preload
@Table("DIGEST_SUBSCRIBER")
public interface DigestSubscriberEntity extends Entity {

    String USER_KEY = "USER_KEY";
    String SUBSCRIBED_AT = "SUBSCRIBED_AT";

    @NotNull
    @Unique
    @StringLength(255)
    String getUserKey();

    void setUserKey(String userKey);

    @NotNull
    Date getSubscribedAt();

    void setSubscribedAt(Date at);
}
