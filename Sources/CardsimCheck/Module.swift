public enum CardsimCheckModule {}
