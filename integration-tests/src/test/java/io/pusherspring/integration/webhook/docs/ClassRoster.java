package io.pusherspring.integration.webhook.docs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who is in each class right now, and what happened there.
 */
public class ClassRoster {

	private final Map<String, Set<String>> present = new ConcurrentHashMap<>();

	private final List<String> activity = new CopyOnWriteArrayList<>();

	public void join(String classId, String userId) {
		this.present.computeIfAbsent(classId, (id) -> ConcurrentHashMap.newKeySet()).add(userId);
		this.activity.add(userId + " joined class " + classId);
	}

	public void leave(String classId, String userId) {
		this.present.getOrDefault(classId, Set.of()).remove(userId);
		this.activity.add(userId + " left class " + classId);
	}

	public void close(String classId) {
		this.present.remove(classId);
	}

	public void raiseHand(String classId, String userId, String question) {
		this.activity.add(userId + " asked in class " + classId + ": " + question);
	}

	public Set<String> present(String classId) {
		return Set.copyOf(this.present.getOrDefault(classId, Set.of()));
	}

	public List<String> activity() {
		return List.copyOf(this.activity);
	}

	public void clear() {
		this.present.clear();
		this.activity.clear();
	}

}
