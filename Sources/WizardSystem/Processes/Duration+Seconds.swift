extension Duration {
    /// The duration in seconds, as `CommandResult.duration` reports it.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
