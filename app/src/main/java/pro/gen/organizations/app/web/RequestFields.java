package pro.gen.organizations.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The fields of a request body, read the same way from its three accepted forms: JSON
 * ({@code {"organization": {"name": "x"}}}), URL-encoded form and multipart form
 * ({@code organization[name]=x}). Fields are named in the bracket form either way.
 */
public final class RequestFields {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Where Tomcat tells why it could not read a form's parameters. */
    private static final String TOMCAT_PARSE_FAILURE =
            "org.apache.catalina.parameter_parse_failed_reason";

    private final Map<String, JsonNode> values;
    private final Map<String, Part> files;

    private RequestFields(Map<String, JsonNode> values, Map<String, Part> files) {
        this.values = values;
        this.files = files;
    }

    /**
     * Reads the body of a request.
     *
     * @param maxJsonBytes the largest JSON body accepted
     * @throws ApiException 400 for a body that cannot be parsed, 413 for one too large, 415
     *                      for a content type that is none of the three forms
     */
    public static RequestFields read(HttpServletRequest request, int maxJsonBytes) {
        String contentType = request.getContentType();
        if (contentType == null) {
            if (request.getContentLengthLong() > 0) {
                throw unsupported();
            }
            return new RequestFields(Map.of(), Map.of());
        }

        MediaType type = parseType(contentType);
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            throw unsupported();
        }
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "Request bodies must be UTF-8.");
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || "json".equals(type.getSubtypeSuffix())) {
            return fromJson(request, maxJsonBytes);
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)) {
            // Tomcat reads the form of a POST only; any other method's is read here.
            if (HttpMethod.POST.matches(request.getMethod())) {
                refuseUnreadableForm(request, maxJsonBytes);
                return fromParameters(request, Map.of());
            }
            return fromFormBody(readAtMost(request, maxJsonBytes));
        }
        if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
            return fromParameters(request, fileParts(request));
        }
        throw unsupported();
    }

    /** A text field, absent when missing or JSON null. */
    public Optional<String> text(String field) {
        JsonNode node = values.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return Optional.of(node.textValue());
    }

    /** A positive whole number, given as a JSON number or as digits. */
    public Optional<Long> positiveNumber(String field) {
        JsonNode node = values.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.canConvertToExactIntegral() && node.canConvertToLong() && node.asLong() > 0) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual() && node.textValue().matches("[0-9]{1,18}")
                && Long.parseLong(node.textValue()) > 0) {
            return Optional.of(Long.parseLong(node.textValue()));
        }
        throw ApiException.invalidField(field, "must be a positive whole number");
    }

    /** A field sent as a file in a multipart body. */
    public Optional<Part> file(String field) {
        return Optional.ofNullable(files.get(field));
    }

    /** Whether the field was sent as a value other than a file, JSON null aside. */
    public boolean hasValue(String field) {
        JsonNode node = values.get(field);
        return node != null && !node.isNull();
    }

    /**
     * Refuses a group of fields that came as something other than an object, such as
     * {@code {"organization": [1]}}, which would otherwise read as a body without fields.
     */
    public RequestFields requireGroup(String group) {
        JsonNode node = values.get(group);
        if (node != null && !node.isNull()) {
            throw ApiException.invalidField(group, "must be an object");
        }
        return this;
    }

    /** Whether the field was sent at all, as a value or as a file. */
    public boolean has(String field) {
        return values.containsKey(field) || files.containsKey(field);
    }

    private static RequestFields fromJson(HttpServletRequest request, int maxJsonBytes) {
        byte[] body = readAtMost(request, maxJsonBytes);
        if (body.length == 0) {
            throw ApiException.badRequest("The request body is empty; a JSON object was expected.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(strictUtf8(body));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The request body is not valid JSON.");
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
        if (root == null || root.isMissingNode()) {
            throw ApiException.badRequest("The request body is empty; a JSON object was expected.");
        }
        if (!root.isObject()) {
            throw ApiException.validation("The request body must be a JSON object.");
        }

        Map<String, JsonNode> values = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                value.fields().forEachRemaining(inner -> values.put(
                        entry.getKey() + "[" + inner.getKey() + "]", inner.getValue()));
            } else {
                values.put(entry.getKey(), value);
            }
        }
        return new RequestFields(values, Map.of());
    }

    private static RequestFields fromParameters(HttpServletRequest request,
                                                Map<String, Part> files) {
        Map<String, JsonNode> values = new HashMap<>();
        request.getParameterMap().forEach((name, given) -> {
            if (given.length > 0) {
                values.put(checkedText(name),
                        JSON.getNodeFactory().textNode(checkedText(given[0])));
            }
        });
        return new RequestFields(values, files);
    }

    private static RequestFields fromFormBody(byte[] body) {
        Map<String, JsonNode> values = new HashMap<>();
        for (String pair : strictUtf8(body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = formDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : formDecode(pair.substring(equals + 1));
            values.putIfAbsent(name, JSON.getNodeFactory().textNode(value));
        }
        return new RequestFields(values, Map.of());
    }

    private static String formDecode(String encoded) {
        try {
            return checkedText(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("The form body could not be read.");
        }
    }

    private static Map<String, Part> fileParts(HttpServletRequest request) {
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IOException | ServletException e) {
            throw ApiException.badRequest("The multipart body could not be read.");
        }
        if (parts.isEmpty() && longerThanAnEmptyForm(request)) {
            // Bytes that hold no part under the declared boundary are not a form at all.
            throw ApiException.badRequest("The multipart body could not be read.");
        }
        Map<String, Part> files = new HashMap<>();
        for (Part part : parts) {
            if (part.getSubmittedFileName() != null) {
                files.put(part.getName(), part);
            }
        }
        return files;
    }

    /**
     * Tomcat drops the parameters of a form it cannot read (too large, broken percent
     * encoding...) without a word, which would read as a form without fields; such a body is
     * refused as what it is instead.
     */
    private static void refuseUnreadableForm(HttpServletRequest request, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw PayloadTooLarge.over(maxBytes);
        }
        request.getParameterMap();
        Object failure = request.getAttribute(TOMCAT_PARSE_FAILURE);
        if (failure == null) {
            return;
        }
        if ("POST_TOO_LARGE".equals(failure.toString())) {
            throw PayloadTooLarge.over(maxBytes);
        }
        throw ApiException.badRequest("The form body could not be read.");
    }

    private static byte[] readAtMost(HttpServletRequest request, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw PayloadTooLarge.over(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw PayloadTooLarge.over(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw ApiException.badRequest("The request body could not be read.");
        }
    }

    /**
     * Whether a multipart body is longer than the closing delimiter that an empty form is
     * made of ({@code --boundary--} with its line breaks).
     */
    private static boolean longerThanAnEmptyForm(HttpServletRequest request) {
        String boundary = parseType(request.getContentType()).getParameter("boundary");
        int emptyForm = (boundary == null ? 0 : boundary.length()) + 8;
        long length = request.getContentLengthLong();
        return length < 0 || length > emptyForm;
    }

    /** The body as text, refusing bytes that are not UTF-8 rather than guessing at them. */
    private static String strictUtf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("The request body is not valid UTF-8.");
        }
    }

    /**
     * Form values that Tomcat or the URL decoder read from bytes that are not UTF-8 come out
     * with U+FFFD in their place; no client means to send that character, so such a value is
     * refused rather than stored damaged.
     */
    private static String checkedText(String value) {
        if (value.indexOf('\uFFFD') >= 0) {
            throw ApiException.badRequest("The request body is not valid UTF-8.");
        }
        return value;
    }

    private static MediaType parseType(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw unsupported();
        }
    }

    private static ApiException unsupported() {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Send the body as application/json, application/x-www-form-urlencoded"
                        + " or multipart/form-data.");
    }

    /** The 413 answer, kept in one place so that every size limit words it alike. */
    static final class PayloadTooLarge {

        private PayloadTooLarge() {
        }

        static ApiException over(long maxBytes) {
            return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
    }
}
