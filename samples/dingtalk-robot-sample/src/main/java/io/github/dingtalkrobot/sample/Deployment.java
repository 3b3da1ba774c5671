package io.github.dingtalkrobot.sample;

import jakarta.validation.constraints.NotBlank;

/**
 * A finished deployment that the team should know about.
 *
 * @param service the service that was deployed
 * @param version the version that is now live
 * @param environment where it was deployed, for example {@code production}
 * @param releaseUrl the http(s) URL of the release notes
 * @param rollbackUrl the http(s) URL that rolls the deployment back
 */
public record Deployment(@NotBlank String service, @NotBlank String version, @NotBlank String environment,
		@NotBlank String releaseUrl, @NotBlank String rollbackUrl) {

}
