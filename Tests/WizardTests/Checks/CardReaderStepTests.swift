import Foundation
import Lessons
import Testing
@testable import Wizard

/// Which steps' checks look at the card in the reader: what `piwizard check` leaves alone once the
/// cards are back in their Pis.
@Suite struct CardReaderStepTests {
    static let lesson = """
    ---
    id: reader
    title: Reader
    summary: One step about the card, one not.
    inputs:
      card: { type: block-device }
      image: { type: path, default: /tmp/x.img }
    ---
    ## Image {#image}

    ```sh {run}
    dd if={{card}} of={{image}}
    ```

    ```yaml {check validator=image-matches-device}
    image: "{{image}}"
    device: "{{card}}"
    ```

    ## Look {#look}

    ```sh {run readonly}
    ls {{image}}
    ```

    ```sh {check}
    test -f {{image}}
    ```
    """

    @Test func aStepIsAboutTheCardWhenItsChecksNameTheCardInput() {
        let lesson = LessonParser.parse(Self.lesson, file: "reader.md").lesson
        let inputs: [String: InputValue] = ["card": .text("/dev/sdz"), "image": .text("/tmp/x.img")]
        #expect(CardReaderStep.device(readBy: lesson.steps[0], lesson: lesson, inputs: inputs) == "/dev/sdz")
        #expect(CardReaderStep.device(readBy: lesson.steps[1], lesson: lesson, inputs: inputs) == nil)
    }
}
