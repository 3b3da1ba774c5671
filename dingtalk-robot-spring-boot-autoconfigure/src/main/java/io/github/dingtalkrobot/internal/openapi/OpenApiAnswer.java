package io.github.dingtalkrobot.internal.openapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * An answer of DingTalk's OpenAPI as it comes off the wire: an access token, the key of a
 * send, or an error's {@code code} and {@code message}. Unknown fields are ignored.
 *
 * @param code the error code, on failure
 * @param message the error message, on failure
 * @param accessToken the access token, from the token endpoint
 * @param expireIn how many seconds the access token is valid
 * @param processQueryKey the key of an accepted send
 * @param invalidStaffIdList user ids of a one-to-one send that DingTalk does not know
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OpenApiAnswer(@Nullable String code, @Nullable String message, @Nullable String accessToken,
		@Nullable Long expireIn, @Nullable String processQueryKey, @Nullable List<String> invalidStaffIdList) {

}
