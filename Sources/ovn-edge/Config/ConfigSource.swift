/// Where a setting of `serve` came from; earlier cases win.
enum ConfigSource: String {
    case flag
    case environment = "env"
    case file
    case defaultValue = "default"
}
