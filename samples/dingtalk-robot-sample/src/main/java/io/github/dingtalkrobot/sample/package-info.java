/**
 * A Spring Boot application that sends alerts, deploy notices and digests through two
 * DingTalk robots.
 */
@NullMarked
package io.github.dingtalkrobot.sample;

import org.jspecify.annotations.NullMarked;
