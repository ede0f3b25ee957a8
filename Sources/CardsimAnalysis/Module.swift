public enum CardsimAnalysisModule {}
