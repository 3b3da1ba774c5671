package io.github.dingtalkrobot;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Looking robots up by name.
 */
class DingTalkRobotsTests {

	private final DingTalkRobot ops = robot("ops");

	private final DingTalkRobot team = robot("team");

	@Test
	void robotsAreFoundByName() {
		DingTalkRobots robots = DingTalkRobots.of(List.of(this.ops, this.team));
		assertThat(robots.get("ops")).isSameAs(this.ops);
		assertThat(robots.find("team")).containsSame(this.team);
		assertThat(robots.names()).containsExactly("ops", "team");
	}

	@Test
	void unknownNameIsNotFound() {
		assertThat(DingTalkRobots.of(List.of(this.ops)).find("sales")).isEmpty();
	}

	@Test
	void getWithUnknownNameNamesTheKnownRobots() {
		DingTalkRobots robots = DingTalkRobots.of(List.of(this.ops, this.team));
		assertThatExceptionOfType(NoSuchDingTalkRobotException.class).isThrownBy(() -> robots.get("sales"))
			.withMessage("No DingTalk robot named 'sales': known robots are ops, team")
			.satisfies((ex) -> assertThat(ex.robotName()).isEqualTo("sales"))
			.satisfies((ex) -> assertThat(ex.knownNames()).containsExactly("ops", "team"));
	}

	@Test
	void getWithoutAnyRobotSaysNoneIsConfigured() {
		assertThatExceptionOfType(NoSuchDingTalkRobotException.class)
			.isThrownBy(() -> DingTalkRobots.of(List.of()).get("ops"))
			.withMessageContaining("no robots are configured");
	}

	@Test
	void twoRobotsWithTheSameNameAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DingTalkRobots.of(List.of(this.ops, robot("ops"))))
			.withMessageContaining("'ops'");
	}

	@Test
	void namesCannotBeChanged() {
		DingTalkRobots robots = DingTalkRobots.of(List.of(this.ops));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> robots.names().clear());
	}

	private static DingTalkRobot robot(String name) {
		return DingTalkRobot.builder(name).accessToken("token").build();
	}

}
