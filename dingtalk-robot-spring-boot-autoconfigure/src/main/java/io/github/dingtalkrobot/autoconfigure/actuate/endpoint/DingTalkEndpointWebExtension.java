package io.github.dingtalkrobot.autoconfigure.actuate.endpoint;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.autoconfigure.actuate.endpoint.DingTalkEndpoint.RobotDescriptor;

import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.EndpointWebExtension;

/**
 * {@link EndpointWebExtension @EndpointWebExtension} of the {@link DingTalkEndpoint}:
 * over HTTP, {@code /actuator/dingtalk/{name}} of an unknown robot answers 404 with the
 * fields of an RFC 9457 problem detail and the names of the known robots, not an empty
 * body.
 *
 * @since 0.1.0
 */
@EndpointWebExtension(endpoint = DingTalkEndpoint.class)
public class DingTalkEndpointWebExtension {

	private final DingTalkEndpoint endpoint;

	private final DingTalkRobots robots;

	/**
	 * Create an extension of the given endpoint.
	 * @param endpoint the endpoint
	 * @param robots the robots it describes
	 */
	public DingTalkEndpointWebExtension(DingTalkEndpoint endpoint, DingTalkRobots robots) {
		this.endpoint = endpoint;
		this.robots = robots;
	}

	/**
	 * Describe one robot.
	 * @param name the name of the robot
	 * @return the robot, or a problem detail with status 404 if there is none of that
	 * name
	 */
	@ReadOperation
	public WebEndpointResponse<Object> robot(@Selector String name) {
		RobotDescriptor robot = this.endpoint.robot(name);
		if (robot != null) {
			return new WebEndpointResponse<>(robot);
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Unknown DingTalk robot");
		problem.put("status", WebEndpointResponse.STATUS_NOT_FOUND);
		problem.put("detail", "No DingTalk robot named '" + name + "'");
		problem.put("knownRobots", this.robots.names().stream().sorted().toList());
		return new WebEndpointResponse<>(problem, WebEndpointResponse.STATUS_NOT_FOUND);
	}

}
