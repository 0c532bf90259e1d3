import { useAppStore } from '../../store';
import { QuizQuestionCard } from './QuizQuestionCard';
import { quizScore } from './quizScore';
import { useQuizItems } from './useQuizQuestions';

/** Section 6: the quiz, with "predict the status" questions built from the playground's settings. */
export function Quiz() {
  const answers = useAppStore((s) => s.quizAnswers);
  const items = useQuizItems();
  const score = quizScore(
    items.map((item) => item.question),
    answers,
  );

  return (
    <div className="quiz">
      <p>
        Answers are checked at once. The last three questions are built from the playground’s
        current settings: change the limit or the algorithm and they change too, until you answer
        them; an answered one keeps the settings it was answered with.
      </p>
      {items.map(({ question, basis }, index) => (
        <QuizQuestionCard key={question.id} question={question} basis={basis} number={index + 1} />
      ))}
      <p className="quiz-score" role="status">
        Score: {score.correct} of {score.total} correct ({score.answered} answered).
      </p>
      <button type="button" onClick={() => useAppStore.getState().clearQuiz()}>
        Retry the quiz
      </button>
    </div>
  );
}
