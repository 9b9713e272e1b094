package com.example.classroom;

public record Announcement(long classId, String text) {

}
