/**
 * How an app robot talks to DingTalk's OpenAPI: its access token, the
 * {@code msgKey}/{@code msgParam} form of each message, group and one-to-one sends, and
 * the classification of answers and failures. Internal: these types are public only so
 * that {@code io.github.dingtalkrobot} can use them, and they may change in any release.
 */
@NullMarked
package io.github.dingtalkrobot.internal.openapi;

import org.jspecify.annotations.NullMarked;
