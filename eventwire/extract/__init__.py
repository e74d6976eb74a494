"""The extract stage: dates, actor mentions, quotes and events from a Parsed document."""
