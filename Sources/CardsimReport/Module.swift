public enum CardsimReportModule {}
