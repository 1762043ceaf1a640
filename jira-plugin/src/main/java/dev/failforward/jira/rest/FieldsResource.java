package dev.failforward.jira.rest;

import dev.failforward.jira.fields.FailForwardField;
import dev.failforward.jira.fields.FieldRegistry;
import dev.failforward.jira.permissions.RecordPermissions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /rest/failforward/1.0/fields}: the Jira field id of each Fail Forward field that is set up, by stable key —
 * {@code {"hypothesis":"customfield_10100", …}} — so the create and edit screens' scripts find the hypothesis field
 * without knowing this instance's ids. Holds no issue data, but tells how this Jira is set up: logged-in users only
 * (401 otherwise), checked here so the rule holds on every host, not only where REST v2's default applies.
 */
@Path("/fields")
@Produces(MediaType.APPLICATION_JSON)
public class FieldsResource {

    private final FieldRegistry registry;
    private final RecordPermissions permissions;

    @Inject
    public FieldsResource(FieldRegistry registry, RecordPermissions permissions) {
        this.registry = registry;
        this.permissions = permissions;
    }

    @GET
    public Map<String, String> fields() {
        Access.requireLogin(permissions.currentUserKey());
        Map<String, String> ids = new LinkedHashMap<>();
        for (FailForwardField field : FailForwardField.values()) {
            registry.field(field).ifPresent(customField -> ids.put(field.key(), customField.getId()));
        }
        return ids;
    }
}
