/**
 * The opt-in, passive health of DingTalk robots, on Spring Boot 4's health API.
 */
@NullMarked
package io.github.dingtalkrobot.autoconfigure.actuate.health;

import org.jspecify.annotations.NullMarked;
