package io.github.dingtalkrobot.sample;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

/**
 * The team's daily digest: a few links worth a look.
 *
 * @param items the links, at least one
 */
public record Digest(@NotEmpty List<@Valid Item> items) {

	/**
	 * One link of a digest.
	 *
	 * @param title what the link is about
	 * @param url the http(s) URL the link opens
	 * @param picUrl the http(s) URL of the link's picture
	 */
	public record Item(@NotBlank String title, @NotBlank String url, @NotBlank String picUrl) {

	}

}
