package dev.failforward.host.ao;

import net.java.ao.Entity;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/** A test-only entity for the bridge itself. */
@Table("BRIDGE_NOTE")
public interface NoteEntity extends Entity {
    @NotNull
    @Indexed
    String getNoteKey();

    void setNoteKey(String noteKey);

    @StringLength(StringLength.UNLIMITED)
    String getBody();

    void setBody(String body);
}
