package dev.failforward.jira.rest;

import dev.failforward.rest.FieldError;
import dev.failforward.rest.RequestProblem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code multipart/form-data} body as a browser's or curl's file upload sends it (RFC 7578): its text fields and one
 * file. Read by hand, with bounds, because the product's multipart support for plugin REST resources is not a public
 * API (Jersey's multipart module is [U] on Platform 8): the body is read up to {@code maxBytes}, split at the boundary
 * the {@code Content-Type} names, each part's {@code Content-Disposition} read for its {@code name} (and
 * {@code filename}). Anything malformed is a 400 naming {@code file}.
 *
 * @param fields the text fields by name (the first of each; at most 1,000 characters kept)
 * @param file   the bytes of the part named {@code file}, else of the first part with a file name
 */
record FormUpload(Map<String, String> fields, byte[] file, String fileName) {

    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]{1,70})\"|([^;\\s]{1,70}))");
    private static final Pattern NAME = Pattern.compile("(?i)[;\\s]name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i)filename=\"([^\"]*)\"");

    static FormUpload read(String contentType, InputStream body, long maxBytes) {
        Matcher b = BOUNDARY.matcher(String.valueOf(contentType));
        if (!b.find()) {
            throw bad("failforward.import.error.upload.boundary");
        }
        byte[] boundary = ("--" + (b.group(1) != null ? b.group(1) : b.group(2))).getBytes(StandardCharsets.US_ASCII);
        byte[] data;
        try {
            data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBytes + 1));
        } catch (IOException e) {
            throw bad("failforward.import.error.upload.unreadable");
        }
        if (data.length > maxBytes) {
            throw bad("failforward.import.error.upload.toolarge", maxBytes / (1024 * 1024));
        }
        Map<String, String> fields = new LinkedHashMap<>();
        byte[] file = null;
        String fileName = null;
        int at = indexOf(data, boundary, 0);
        while (at >= 0) {
            int start = at + boundary.length;
            if (start + 1 < data.length && data[start] == '-' && data[start + 1] == '-') {
                break; // the closing boundary
            }
            int headersEnd = indexOf(data, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), start);
            int next = indexOf(data, boundary, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw bad("failforward.import.error.upload.malformed");
            }
            String headers = new String(data, start, headersEnd - start, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int contentEnd = next - 2; // the CRLF before the boundary belongs to it
            if (contentEnd < contentStart) {
                contentEnd = contentStart;
            }
            Matcher name = NAME.matcher(headers);
            Matcher filename = FILENAME.matcher(headers);
            String partName = name.find() ? name.group(1) : "";
            boolean isFile = filename.find();
            if ((isFile && file == null) || "file".equals(partName)) {
                file = java.util.Arrays.copyOfRange(data, contentStart, contentEnd);
                fileName = isFile ? filename.group(1) : null;
            } else if (!isFile && !partName.isEmpty() && !fields.containsKey(partName)) {
                String value = new String(data, contentStart, contentEnd - contentStart, StandardCharsets.UTF_8);
                fields.put(partName.toLowerCase(Locale.ROOT), value.length() > 1_000 ? value.substring(0, 1_000)
                        : value);
            }
            at = next;
        }
        if (file == null || file.length == 0) {
            throw bad("failforward.import.error.upload.nofile");
        }
        return new FormUpload(Map.copyOf(fields), file, fileName);
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static RequestProblem bad(String key, Object... arguments) {
        return RequestProblem.invalid(List.of(FieldError.of("file", "invalid", key,
                java.util.Arrays.stream(arguments).map(String::valueOf).toArray(String[]::new))));
    }
}
