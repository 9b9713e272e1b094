package io.pusherspring.core;

import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link PusherPublishListener} that logs every failure at error level, with the event
 * name, the channels and whether the message may have been delivered all the same; the
 * data is never logged, nor is the stack trace unless debug logging is on. Turn it off by
 * setting the level of its logger,
 * {@code io.pusherspring.core.LoggingPusherPublishListener}, to {@code off}.
 */
public class LoggingPusherPublishListener implements PusherPublishListener {

	private static final Log logger = LogFactory.getLog(LoggingPusherPublishListener.class);

	private static final int MAX_CHANNELS_SHOWN = 5;

	private static final Pattern LINE_BREAKS = Pattern.compile("\\R+");

	@Override
	public void onError(PusherMessage message, PusherException exception) {
		if (!logger.isErrorEnabled()) {
			return;
		}
		String text = "Failed to publish " + ChannelNames.quote(message.event()) + " to " + channels(message)
				+ (exception.isPossiblyDelivered() ? " (possibly delivered: Pusher may have accepted it)" : "") + ": "
				+ oneLine(exception.getMessage());
		if (logger.isDebugEnabled()) {
			logger.error(text, exception);
		}
		else {
			logger.error(text);
		}
	}

	/**
	 * Pusher's explanation may span several lines (a refused signature comes with the
	 * string that was expected to be signed): the log line stays one line.
	 */
	private static String oneLine(String text) {
		return LINE_BREAKS.matcher(text).replaceAll(" ");
	}

	private static String channels(PusherMessage message) {
		List<String> channels = message.channels();
		if (channels.size() <= MAX_CHANNELS_SHOWN) {
			return String.join(", ", channels);
		}
		return String.join(", ", channels.subList(0, MAX_CHANNELS_SHOWN)) + " and "
				+ (channels.size() - MAX_CHANNELS_SHOWN) + " more channels";
	}

}
