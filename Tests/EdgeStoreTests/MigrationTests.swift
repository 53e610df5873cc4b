import EdgeStore
import Testing

@Suite struct MigrationTests {
    @Test func binaryCarriesMigrations() {
        #expect(Store.availableMigrations.first?.name == "0001_initial")
    }
}
