package io.github.dingtalkrobot.internal.openapi;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The access tokens of the apps that app robots send for, one cache for each app (its
 * OpenAPI address, client id and client secret): robots of one app share its token, so
 * that one fetch serves them all and each fetch counts once towards the organization's
 * monthly API calls. Robots built on their own each have one of these; the robots of a
 * Spring Boot application share one. Internal: public only so that other internal
 * packages can use it.
 *
 * @since 0.1.0
 */
public final class AppAccessTokens {

	private final Map<App, AccessTokens> apps = new ConcurrentHashMap<>();

	/**
	 * Return the cache of an app's token, made with the given clock and fetcher if the
	 * app has none yet: the first robot of an app fetches for all of them.
	 * @param baseUrl the OpenAPI's base URL
	 * @param credentials the app's credentials
	 * @param clock the clock that the token expires by
	 * @param fetcher fetches a new token
	 * @return the cache of the app's token
	 */
	AccessTokens forApp(String baseUrl, AppCredentials credentials, Clock clock, Supplier<AccessTokens.Token> fetcher) {
		return this.apps.computeIfAbsent(new App(baseUrl, credentials.clientId(), credentials.clientSecret()),
				(app) -> new AccessTokens(clock, fetcher));
	}

	private record App(String baseUrl, String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "App[baseUrl=" + this.baseUrl + ", clientId=" + this.clientId + "]";
		}

	}

}
