-- The demo class's one live session, not started yet
MERGE INTO live_session (id, status) KEY (id) VALUES (1, 'NOT_STARTED');
