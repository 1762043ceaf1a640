package dev.failforward.jira.rest;

import dev.failforward.rest.RequestProblem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A browser's or curl's multipart form upload read by hand: fields, the file's bytes untouched, bounds. */
class FormUploadTest {

    private static byte[] form(String boundary, byte[] file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"project\"\r\n\r\nOPS\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"dryRun\"\r\n\r\nfalse\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pm.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(file);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void readsTheFieldsAndTheFileByteForByte() throws Exception {
        byte[] file = new byte[4_096];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31); // CR, LF and dashes among them
        }
        FormUpload upload = FormUpload.read("multipart/form-data; boundary=\"----x42\"",
                new ByteArrayInputStream(form("----x42", file)), 1_000_000);
        assertThat(upload.file()).isEqualTo(file);
        assertThat(upload.fileName()).isEqualTo("pm.zip");
        assertThat(upload.fields()).containsEntry("project", "OPS").containsEntry("dryrun", "false");
    }

    @Test
    void aBrokenUploadIsA400NamingFile() throws Exception {
        byte[] body = form("b", new byte[] {1, 2, 3});
        for (Runnable read : new Runnable[] {
            () -> FormUpload.read("multipart/form-data", new ByteArrayInputStream(body), 1_000),
            () -> FormUpload.read("multipart/form-data; boundary=b", new ByteArrayInputStream(body), 10),
            () -> FormUpload.read("multipart/form-data; boundary=b",
                    new ByteArrayInputStream("--b\r\nContent-Disposition: form-data; name=\"file\"".getBytes(
                            StandardCharsets.US_ASCII)), 1_000),
            () -> FormUpload.read("multipart/form-data; boundary=b", new ByteArrayInputStream(
                    "--b\r\nContent-Disposition: form-data; name=\"project\"\r\n\r\nOPS\r\n--b--\r\n".getBytes(
                            StandardCharsets.US_ASCII)), 1_000)}) {
            assertThatThrownBy(read::run).isInstanceOfSatisfying(RequestProblem.class,
                    p -> assertThat(p.errors()).extracting(e -> e.field()).containsExactly("file"));
        }
    }
}
