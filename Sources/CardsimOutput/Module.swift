public enum CardsimOutputModule {}
