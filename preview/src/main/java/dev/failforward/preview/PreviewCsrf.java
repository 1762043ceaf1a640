package dev.failforward.preview;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection of the preview's HTML forms (issues, transitions, records), the way Jira
 * protects its own forms with {@code atl_token}: a state-changing form post must
 * <ol>
 *   <li>come from a page of this preview: its {@code Origin} (else its {@code Referer}) has the scheme, host and port
 *       the request was sent to — a page elsewhere, or one with neither header, is refused; and</li>
 *   <li>carry the session's token in the hidden field {@value #FIELD}: HMAC-SHA256 of the browser's session id (cookie
 *       {@value #COOKIE}, random, {@code HttpOnly}, {@code SameSite=Strict}) under a key made at start-up, so another
 *       site can neither read nor compute it, and a page from before a restart asks to be reloaded.</li>
 * </ol>
 * A refusal is a 403 page that says which check failed ({@link Refusal#i18nKey}).
 */
final class PreviewCsrf {

    static final String COOKIE = "ff-preview-session";
    static final String FIELD = "atl_token";

    /** Why a form post was refused; {@code arguments} fill the message. */
    record Refusal(String i18nKey, String... arguments) {
    }

    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    PreviewCsrf() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The token for the browser's session, starting a session (a cookie) when it has none. */
    String token(HttpServletRequest request, HttpServletResponse response) {
        String session = session(request).orElse(null);
        if (session == null) {
            byte[] id = new byte[32];
            random.nextBytes(id);
            session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            Cookie cookie = new Cookie(COOKIE, session);
            cookie.setPath("/");
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Strict");
            response.addCookie(cookie);
            request.setAttribute(COOKIE, session); // a second token in the same request uses this session
        }
        return tokenOf(session);
    }

    /** Why this form post must not change anything, or empty when it may. */
    Optional<Refusal> check(HttpServletRequest request) {
        String expected = request.getScheme().toLowerCase(Locale.ROOT) + "://" + hostAndPort(request);
        String origin = request.getHeader("Origin");
        String source = origin != null ? origin : request.getHeader("Referer");
        if (source == null || source.isBlank()) {
            return Optional.of(new Refusal("preview.csrf.origin.missing"));
        }
        String sourceOrigin = originOf(source.strip());
        if (sourceOrigin == null || !sourceOrigin.equals(expected)) {
            return Optional.of(new Refusal("preview.csrf.origin.foreign", shown(source), expected));
        }
        String sent = request.getParameter(FIELD);
        if (sent == null || sent.isBlank()) {
            return Optional.of(new Refusal("preview.csrf.token.missing"));
        }
        Optional<String> session = session(request);
        if (session.isEmpty() || !MessageDigest.isEqual(tokenOf(session.get()).getBytes(StandardCharsets.US_ASCII),
                sent.strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Refusal("preview.csrf.token.invalid"));
        }
        return Optional.empty();
    }

    private Optional<String> session(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof String started) {
            return Optional.of(started);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName()) && cookie.getValue() != null
                        && SESSION_ID.matcher(cookie.getValue()).matches()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private String tokenOf(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** {@code host:port} as the client addressed this server (the Host header), lower case, port always given. */
    private static String hostAndPort(HttpServletRequest request) {
        return request.getServerName().toLowerCase(Locale.ROOT) + ":" + request.getServerPort();
    }

    /** {@code scheme://host:port} of a URL (port always given), or null when it is no http(s) URL. */
    static String originOf(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String shown(String value) {
        return value.length() > 100 ? value.substring(0, 100) + "\u2026" : value;
    }
}
