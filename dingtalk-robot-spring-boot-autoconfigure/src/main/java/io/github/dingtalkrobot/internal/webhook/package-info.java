/**
 * How a robot talks to DingTalk's webhook: signing, the request URI, the JSON on the wire
 * and the classification of answers and failures. Internal: these types are public only
 * so that {@code io.github.dingtalkrobot} can use them, and they may change in any
 * release.
 */
@NullMarked
package io.github.dingtalkrobot.internal.webhook;

import org.jspecify.annotations.NullMarked;
