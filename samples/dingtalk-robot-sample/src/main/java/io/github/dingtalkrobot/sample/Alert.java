package io.github.dingtalkrobot.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * A production alert for the on-call person.
 *
 * @param service the service that raised the alert
 * @param severity how bad it is, for example {@code P1}
 * @param summary what is wrong, in one line
 * @param onCall the mobile number of the person on call, who is mentioned
 */
public record Alert(@NotBlank String service, @NotBlank String severity, @NotBlank String summary,
		@NotBlank String onCall) {

}
