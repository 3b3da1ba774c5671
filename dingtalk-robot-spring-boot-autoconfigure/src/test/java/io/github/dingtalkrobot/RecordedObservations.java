package io.github.dingtalkrobot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

/**
 * An {@link ObservationRegistry} that records the key values of every observation it
 * stops, as {@code key=value} strings: what metrics and traces would see.
 */
public final class RecordedObservations {

	private final List<String> keyValues = new CopyOnWriteArrayList<>();

	private final ObservationRegistry registry = ObservationRegistry.create();

	public RecordedObservations() {
		this.registry.observationConfig().observationHandler(new RecordingHandler());
	}

	public ObservationRegistry registry() {
		return this.registry;
	}

	public List<String> keyValues() {
		return this.keyValues;
	}

	private final class RecordingHandler implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			context.getAllKeyValues()
				.forEach((keyValue) -> RecordedObservations.this.keyValues
					.add(keyValue.getKey() + "=" + keyValue.getValue()));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
