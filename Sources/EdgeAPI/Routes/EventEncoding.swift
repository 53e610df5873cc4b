import EdgeStore

/// The JSON form of a change-log entry (`/v1/events`, `/v1/eips/{id}/history`).
enum EventEncoding {
    static func encode(_ entry: ChangeEntry) -> JSONValue {
        .object([
            ("id", .integer(entry.id)),
            ("time", .timestamp(entry.time)),
            ("actor", .string(entry.actor)),
            ("request_id", .string(entry.requestID)),
            ("action", .string(entry.action.rawValue)),
            ("object_kind", .string(entry.objectKind.rawValue)),
            ("object_id", .string(entry.objectID.uuidString.lowercased())),
            ("before", .embedded(entry.before)),
            ("after", .embedded(entry.after)),
        ])
    }

    static func page(_ page: Page<ChangeEntry>, wrap: (String) -> String) -> JSONValue {
        .object([
            ("items", .array(page.items.map(encode))),
            ("next_page_token", .string(page.nextPageToken.map(wrap))),
        ])
    }
}
