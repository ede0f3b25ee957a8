public enum CardsimFitModule {}
