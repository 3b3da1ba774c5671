package io.github.dingtalkrobot.autoconfigure.actuate.endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.web.client.RestClient;

/**
 * Writes an endpoint's result as JSON with whichever Jackson generation is on the class
 * path (3 on Spring Boot 4, 2 on 3.5), as the actuator does.
 */
final class EndpointJson {

	private EndpointJson() {
	}

	// messageConverters(Consumer) is the one way to the defaults on both Framework 6.2
	// and
	// 7, where it is deprecated for removal
	@SuppressWarnings({ "unchecked", "removal" })
	static String write(Object value) {
		List<HttpMessageConverter<?>> converters = new ArrayList<>();
		RestClient.builder().messageConverters((defaults) -> converters.addAll(defaults));
		HttpMessageConverter<Object> json = (HttpMessageConverter<Object>) converters.stream()
			.filter((converter) -> converter.canWrite(value.getClass(), MediaType.APPLICATION_JSON))
			.findFirst()
			.orElseThrow();
		MockHttpOutputMessage output = new MockHttpOutputMessage();
		try {
			json.write(value, MediaType.APPLICATION_JSON, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return output.getBodyAsString();
	}

}
