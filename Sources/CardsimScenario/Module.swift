public enum CardsimScenarioModule {}
