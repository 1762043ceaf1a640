package dev.failforward.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The XSRF rule of both plugins' REST APIs, in one place: every request that changes something — {@code POST}, {@code PUT},
 * {@code PATCH}, and a {@code DELETE} that carries a body — must say {@code Content-Type: application/json} (with
 * parameters such as {@code charset=UTF-8}; a charset other than UTF-8 is refused, as RFC 8259 requires UTF-8).
 * Anything else is a 415 with our error body naming {@code Content-Type}: no type at all, {@code *}{@code /*},
 * {@code application/*}, {@code text/plain}, the form types, {@code application/something+json}, a malformed or
 * repeated header. The one other type a {@code POST} may carry is {@code application/zip} (the post-mortem import's
 * upload): like JSON it is no CORS-safelisted type, so a browser still asks the preflight first; a resource that does
 * not consume it answers 415 as usual. A {@code multipart/form-data} {@code POST} (the same upload as a form's file)
 * passes only with {@code X-Atlassian-Token: no-check}, as Jira asks of its own attachment uploads: the form type is
 * CORS-safelisted, the header is not, so another site's form cannot send it.
 *
 * <p><b>Why this is the defence.</b> A page on another site can make the user's browser send a request with the user's
 * cookies without a CORS preflight only with a "simple" content type ({@code text/plain}, a form type) or none at all
 * ({@code fetch(…, {mode: "no-cors"})} with an untyped body, {@code navigator.sendBeacon} with an untyped blob). Jersey
 * matches a request without a type to any {@code @Consumes}, so {@code @Consumes(APPLICATION_JSON)} alone let those
 * through. {@code application/json} forces a preflight, which the products refuse for other origins; REST v2 then needs
 * no {@code X-Atlassian-Token}. {@code @PreMatching}, so the rule holds for every resource, present and future,
 * whatever it declares, before any resource code or body reader runs.
 *
 * <p>A {@code Content-Length} over {@value #MAX_BODY_BYTES} bytes is refused here too (413), before the body is read.
 * And no answer leaves a request body unread (the refusals here, a 404/405 for a body sent to the wrong place): the
 * response side reads and drops what is left (up to the same limit) before the answer goes out. Otherwise a server that
 * answered before the body arrived must drop the connection afterwards, and a client that already sent its next
 * request on that connection gets no answer at all (the fuzz benchmark saw this on Jetty).
 *
 * <p>Found by the REST module's package scan (it is a {@code @Provider} in {@code dev.failforward.rest}, which each
 * plugin's {@code <rest>} module lists), by the preview's scan of the same packages and by the tests' set-up
 * ({@code RestApp}). The Confluence proxy thereby refuses what Jira would refuse, before it calls Jira.
 */
@Provider
@PreMatching
public class JsonContentTypeFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String FIELD = "Content-Type";
    /** {@link StrictJson#MAX_BODY_CHARS} characters of up to four UTF-8 bytes each. */
    static final long MAX_BODY_BYTES = 4L * StrictJson.MAX_BODY_CHARS;
    private static final Set<String> ALWAYS = Set.of("POST", "PUT", "PATCH");
    /** Jira's XSRF header and the value that lets a form upload through (as for its attachment REST resource). */
    static final String XSRF_TOKEN = "X-Atlassian-Token";
    static final String NO_CHECK = "no-check";
    /** Set on a request whose body is too large to be worth reading. */
    private static final String NO_DRAIN = JsonContentTypeFilter.class.getName() + ".noDrain";

    private final RestPlugin plugin;

    @Inject
    public JsonContentTypeFilter(RestPlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!ALWAYS.contains(method) && !("DELETE".equals(method) && hasBody(request))) {
            return;
        }
        List<String> types = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (types == null || types.isEmpty() || types.get(0).isBlank()) {
            refuse(request, "missing", RestKeys.CONTENT_TYPE_MISSING);
            return;
        }
        String sent = types.get(0).strip();
        if (types.size() > 1) {
            refuse(request, "repeated", RestKeys.CONTENT_TYPE_REPEATED);
            return;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(sent);
        } catch (IllegalArgumentException e) {
            refuse(request, "malformed", RestKeys.CONTENT_TYPE_UNSUPPORTED, shown(sent));
            return;
        }
        boolean zip = "application".equalsIgnoreCase(type.getType()) && "zip".equalsIgnoreCase(type.getSubtype())
                && "POST".equals(method);
        // a form upload cannot be told from another site's form by its type: like Jira's own attachment upload, it
        // must carry X-Atlassian-Token: no-check, a header no page on another site can add without a preflight
        boolean upload = "multipart".equalsIgnoreCase(type.getType())
                && "form-data".equalsIgnoreCase(type.getSubtype()) && "POST".equals(method)
                && NO_CHECK.equalsIgnoreCase(String.valueOf(request.getHeaderString(XSRF_TOKEN)).strip());
        if (upload) {
            if (length(request) > MAX_BODY_BYTES) {
                request.setProperty(NO_DRAIN, Boolean.TRUE);
                request.abortWith(json(413, plugin.text(RestKeys.TOO_LARGE),
                        new ErrorBody.Item("body", "too-large",
                                plugin.text(RestKeys.BODY_TOO_LARGE_BYTES, MAX_BODY_BYTES))));
            }
            return;
        }
        if (!zip && (!"application".equalsIgnoreCase(type.getType()) || !"json".equalsIgnoreCase(type.getSubtype()))) {
            refuse(request, "unsupported", RestKeys.CONTENT_TYPE_UNSUPPORTED, shown(sent));
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.strip().equalsIgnoreCase("UTF-8") && !charset.strip().equalsIgnoreCase("UTF8")) {
            refuse(request, "charset", RestKeys.CONTENT_TYPE_CHARSET, shown(charset));
            return;
        }
        if (length(request) > MAX_BODY_BYTES) {
            // not drained: the server closes the connection after answering, as it should for a body this large
            request.setProperty(NO_DRAIN, Boolean.TRUE);
            request.abortWith(json(413, plugin.text(RestKeys.TOO_LARGE),
                    new ErrorBody.Item("body", "too-large",
                            plugin.text(RestKeys.BODY_TOO_LARGE_BYTES, MAX_BODY_BYTES))));
        }
    }

    private static long length(ContainerRequestContext request) {
        try {
            return Long.parseLong(String.valueOf(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)).strip());
        } catch (NumberFormatException e) {
            return -1; // none, or not a number (the server refuses those before we run)
        }
    }

    /** A DELETE carries a body when it says so: a non-zero length, or a chunked transfer. */
    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !length.isBlank() && !length.strip().equals("0")) {
            return true;
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(NO_DRAIN) == null) {
            drain(request);
        }
    }

    private void refuse(ContainerRequestContext request, String code, String i18nKey, String... arguments) {
        request.abortWith(json(415, plugin.text(RestKeys.CONTENT_TYPE),
                new ErrorBody.Item(FIELD, code, plugin.text(i18nKey, (java.io.Serializable[]) arguments))));
    }

    /** Reads and drops what is left of the request body, at most {@value #MAX_BODY_BYTES} bytes (see the class comment). */
    private static void drain(ContainerRequestContext request) {
        try {
            if (!request.hasEntity()) {
                return;
            }
        } catch (IllegalStateException e) {
            return; // a resource read it, and its stream is closed
        }
        try (java.io.InputStream body = request.getEntityStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = body.read(buffer); n >= 0 && total <= MAX_BODY_BYTES; n = body.read(buffer)) {
                total += n;
            }
        } catch (java.io.IOException e) {
            // the client went away or sent garbage: the refusal stands, the server closes the connection
        }
    }

    private static Response json(int status, String message, ErrorBody.Item item) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message, List.of(item))).build();
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "\u2026" : value;
    }
}
